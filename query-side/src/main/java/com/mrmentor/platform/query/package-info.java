/** The read side: query handlers over the read models and the HTTP GET endpoints that ask them. */
package com.mrmentor.platform.query;

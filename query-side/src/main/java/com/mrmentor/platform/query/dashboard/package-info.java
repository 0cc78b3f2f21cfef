/** The administrators' dashboard: figures across contexts, read from their read models. */
package com.mrmentor.platform.query.dashboard;

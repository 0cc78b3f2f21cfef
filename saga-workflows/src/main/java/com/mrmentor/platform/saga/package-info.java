/** Sagas that coordinate multi-step workflows and wait with persistent deadlines; rules stay in the aggregates. */
package com.mrmentor.platform.saga;

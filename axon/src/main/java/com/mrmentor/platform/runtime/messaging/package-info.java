/** Axon wiring: JDBC storage schemas, metadata on every message, error transport, processor error handling. */
package com.mrmentor.platform.runtime.messaging;

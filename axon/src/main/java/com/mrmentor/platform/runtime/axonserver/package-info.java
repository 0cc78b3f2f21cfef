/**
 * The {@code axonserver} profile: Axon Server routes commands, events and queries and stores the events; start-up
 * fails fast when it cannot be reached (ADR 0013).
 */
package com.mrmentor.platform.runtime.axonserver;

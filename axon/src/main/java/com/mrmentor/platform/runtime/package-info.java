/**
 * The runtime that assembles the modules: the Spring Boot application, Axon storage and messaging configuration,
 * security, and the HTTP plumbing every endpoint shares (correlation, idempotency, problem responses).
 */
package com.mrmentor.platform.runtime;

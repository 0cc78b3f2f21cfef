/** HTTP plumbing shared by every endpoint: request context, idempotency and RFC 9457 problem responses. */
package com.mrmentor.platform.runtime.web;

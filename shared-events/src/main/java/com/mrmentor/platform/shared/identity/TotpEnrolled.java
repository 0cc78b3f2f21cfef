package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An administrator enrolled an authenticator app (RFC 6238); the shared secret is kept outside the event store. */
@Revision("1")
public record TotpEnrolled(UUID userId, Instant at) implements AccountEvent {
}

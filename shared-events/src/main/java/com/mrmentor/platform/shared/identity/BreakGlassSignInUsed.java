package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An administrator used emergency access (password plus TOTP code), opening {@code sessionId}. */
@Revision("1")
public record BreakGlassSignInUsed(UUID userId, UUID sessionId, Instant at) implements AccountEvent {
}

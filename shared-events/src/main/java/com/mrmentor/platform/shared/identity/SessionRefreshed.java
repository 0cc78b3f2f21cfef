package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The refresh token was rotated: generation {@code generation} replaces every earlier one. */
@Revision("1")
public record SessionRefreshed(UUID sessionId, UUID userId, int generation, Instant refreshedAt, Instant expiresAt)
        implements SessionEvent {
}

package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The session ended early: its refresh tokens and access tokens are refused from now on. */
@Revision("1")
public record SessionRevoked(UUID sessionId, UUID userId, SessionRevocationReason reason, Instant revokedAt)
        implements SessionEvent {
}

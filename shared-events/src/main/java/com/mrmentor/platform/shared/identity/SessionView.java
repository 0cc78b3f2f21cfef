package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;

import java.time.Instant;
import java.util.UUID;

/** A sign-in session as the read model shows it. */
public record SessionView(UUID sessionId, UUID userId, SignInMethod method, Platform platform, int generation,
                          Instant startedAt, Instant expiresAt, Instant lastRefreshAt, Instant revokedAt,
                          SessionRevocationReason revokedReason, String clientIp) {
}

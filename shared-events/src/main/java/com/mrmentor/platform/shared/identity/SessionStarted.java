package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A user signed in; the session's first refresh token (generation 0) is valid until {@code expiresAt}. */
@Revision("1")
public record SessionStarted(UUID sessionId, UUID userId, SignInMethod method, Platform platform,
                             Instant startedAt, Instant expiresAt) implements SessionEvent {
}

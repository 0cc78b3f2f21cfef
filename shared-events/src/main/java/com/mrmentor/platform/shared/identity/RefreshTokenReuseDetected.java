package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An already-rotated refresh token was presented: someone else may hold the family. Followed by revocation. */
@Revision("1")
public record RefreshTokenReuseDetected(UUID sessionId, UUID userId, int presentedGeneration, int currentGeneration)
        implements SessionEvent {
}

package com.mrmentor.platform.shared.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * What presenting a refresh token came to. Reuse is an answer, not an exception, so that the revocation it causes is
 * stored.
 *
 * @param userId     the session's user
 * @param generation the new token's generation when {@link Result#ROTATED}
 * @param expiresAt  the new token's expiry when {@link Result#ROTATED}
 */
public record RotationOutcome(Result result, UUID userId, int generation, Instant expiresAt) {

    public enum Result {
        ROTATED,
        /** An older generation was presented; the whole session is now revoked. */
        REUSED,
        /** The session was revoked before. */
        REVOKED,
        /** The token's validity ended. */
        EXPIRED
    }

    public static RotationOutcome rotated(UUID userId, int generation, Instant expiresAt) {
        return new RotationOutcome(Result.ROTATED, userId, generation, expiresAt);
    }

    public static RotationOutcome refused(Result result, UUID userId) {
        return new RotationOutcome(result, userId, -1, null);
    }
}

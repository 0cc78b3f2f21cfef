package com.mrmentor.platform.shared.identity;

import java.time.Instant;

/**
 * What presenting a refresh token came to. Reuse is an answer, not an exception, so that the revocation it causes is
 * stored.
 *
 * @param generation the new token's generation when {@link Result#ROTATED}
 * @param expiresAt  the new token's expiry when {@link Result#ROTATED}
 */
public record RotationOutcome(Result result, int generation, Instant expiresAt) {

    public enum Result {
        ROTATED,
        /** An older generation was presented; the whole session is now revoked. */
        REUSED,
        /** The session was revoked before. */
        REVOKED,
        /** The token's validity ended. */
        EXPIRED
    }

    public static RotationOutcome rotated(int generation, Instant expiresAt) {
        return new RotationOutcome(Result.ROTATED, generation, expiresAt);
    }

    public static RotationOutcome refused(Result result) {
        return new RotationOutcome(result, -1, null);
    }
}

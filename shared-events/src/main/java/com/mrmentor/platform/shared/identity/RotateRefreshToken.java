package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Exchange the refresh token of generation {@code presentedGeneration} for a new one. Answers a {@link RotationOutcome}; presenting an old generation revokes the session. */
public record RotateRefreshToken(UUID sessionId, int presentedGeneration, String newRefreshTokenHash) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.session(sessionId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "RotateRefreshToken[sessionId=" + sessionId + ", presentedGeneration=" + presentedGeneration
                + ", newRefreshTokenHash=***]";
    }
}

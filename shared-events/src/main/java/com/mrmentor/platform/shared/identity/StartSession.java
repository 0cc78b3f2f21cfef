package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Open a session whose first refresh token has hash {@code refreshTokenHash}. */
public record StartSession(UUID sessionId, UUID userId, SignInMethod method, Platform platform, String refreshTokenHash) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.session(sessionId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "StartSession[sessionId=" + sessionId + ", userId=" + userId + ", method=" + method + ", platform="
                + platform + ", refreshTokenHash=***]";
    }
}

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
}

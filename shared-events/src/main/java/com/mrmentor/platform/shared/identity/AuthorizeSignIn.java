package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Check that the account may open a session by {@code method} through {@code platform}; a break-glass sign-in is
 * recorded. Answers the platform the session runs in: {@code platform} if the account belongs to it; otherwise, when
 * the client did not name one ({@code platformRequested} false), the account's first own platform.
 */
public record AuthorizeSignIn(UUID userId, SignInMethod method, UUID sessionId, Platform platform,
                              boolean platformRequested) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

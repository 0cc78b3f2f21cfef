package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Check that the account may open a session by {@code method}; a break-glass sign-in is recorded. */
public record AuthorizeSignIn(UUID userId, SignInMethod method, UUID sessionId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

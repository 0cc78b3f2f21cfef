package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Let a Google account with the same verified e-mail sign in to this account; proves the e-mail too. */
public record LinkGoogleIdentity(UUID userId, String googleSubject) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

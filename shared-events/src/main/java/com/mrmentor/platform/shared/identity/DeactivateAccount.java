package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An administrator switches the account off. */
public record DeactivateAccount(UUID userId, String reason, UUID deactivatedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

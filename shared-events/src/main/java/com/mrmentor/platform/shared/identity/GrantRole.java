package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Add {@code role} to the account (a no-op if it has it), e.g. MENTOR when a mentor application is approved. */
public record GrantRole(UUID userId, Role role, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

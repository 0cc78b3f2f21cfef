package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** An administrator sets the account's roles. */
public record ChangeAccountRoles(UUID userId, Set<Role> roles, String reason, UUID changedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Record that the administrator proved possession of the pending TOTP secret {@code confirmedSecret} (kept outside
 * the store) and make it the active one.
 */
public record EnrolTotp(UUID userId, String confirmedSecret) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets never reach logs through this command. */
    @Override
    public String toString() {
        return "EnrolTotp[userId=" + userId + ", confirmedSecret=***]";
    }
}

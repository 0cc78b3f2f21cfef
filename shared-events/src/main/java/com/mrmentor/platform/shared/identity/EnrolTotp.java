package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Record that the administrator proved possession of a new TOTP secret (kept outside the store). */
public record EnrolTotp(UUID userId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

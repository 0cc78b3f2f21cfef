package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Destroy the person's key: personal fields in all their events read as erased from now on. */
public record ErasePersonalData(UUID userId, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}

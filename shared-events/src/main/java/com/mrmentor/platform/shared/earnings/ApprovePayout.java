package com.mrmentor.platform.shared.earnings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Finance approves a pending payout (four eyes: never its requester). */
public record ApprovePayout(UUID payoutId, UUID approvedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EarningsIds.payout(payoutId);
    }
}

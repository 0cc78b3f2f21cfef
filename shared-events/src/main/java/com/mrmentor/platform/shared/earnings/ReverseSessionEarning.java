package com.mrmentor.platform.shared.earnings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Finance or an administrator reverses a session's earning (late refund, lost dispute), with the reason. */
public record ReverseSessionEarning(UUID mentorId, UUID bookingId, String reason, UUID reversedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EarningsIds.ledger(mentorId);
    }
}

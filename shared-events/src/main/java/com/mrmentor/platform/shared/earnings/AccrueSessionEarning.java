package com.mrmentor.platform.shared.earnings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record the earning of a settled session whose tokens were captured (once per booking). */
public record AccrueSessionEarning(UUID mentorId, UUID bookingId, long capturedTokens, Instant sessionEnd) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EarningsIds.ledger(mentorId);
    }
}

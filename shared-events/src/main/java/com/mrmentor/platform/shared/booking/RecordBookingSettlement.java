package com.mrmentor.platform.shared.booking;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the booking saga once the ledger captured or released the booking's hold. */
public record RecordBookingSettlement(UUID bookingId, UUID holdId, TokenOutcome outcome, long tokens, Instant settledAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the booking saga when a confirmed session's grace period after its end has passed. */
public record AutoCompleteBooking(UUID bookingId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

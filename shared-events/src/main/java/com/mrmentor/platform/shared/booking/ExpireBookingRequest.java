package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the booking saga when the mentor has not answered by the booking's respond-by time. */
public record ExpireBookingRequest(UUID bookingId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

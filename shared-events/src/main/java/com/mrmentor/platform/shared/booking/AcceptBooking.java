package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mentor accepts a requested booking; it is confirmed with a meeting link. */
public record AcceptBooking(UUID bookingId, UUID mentorId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

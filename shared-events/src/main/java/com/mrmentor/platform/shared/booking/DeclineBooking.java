package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mentor declines a requested booking; the held tokens go back. */
public record DeclineBooking(UUID bookingId, UUID mentorId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

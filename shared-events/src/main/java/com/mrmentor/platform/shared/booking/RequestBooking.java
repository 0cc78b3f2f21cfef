package com.mrmentor.platform.shared.booking;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Book a session (the student is the caller): the slot must be free and the price is held in the student's wallet. */
public record RequestBooking(UUID bookingId, UUID studentId, UUID mentorId, Instant start, String topic) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

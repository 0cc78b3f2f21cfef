package com.mrmentor.platform.shared.booking;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either party moves the booking to another free slot of the mentor; the hold carries over. */
public record RescheduleBooking(UUID bookingId, UUID rescheduledBy, Instant start) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

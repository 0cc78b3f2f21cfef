package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either party calls the booking off, with a reason; the cancellation policy decides the tokens' fate. */
public record CancelBooking(UUID bookingId, UUID cancelledBy, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

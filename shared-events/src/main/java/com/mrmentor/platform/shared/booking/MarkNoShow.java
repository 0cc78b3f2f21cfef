package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party reports that the other one has not joined ten minutes after the start. */
public record MarkNoShow(UUID bookingId, UUID reportedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

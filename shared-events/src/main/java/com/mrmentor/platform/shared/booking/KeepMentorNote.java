package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mentor keeps a private note on a booking (only the mentor ever reads it). */
public record KeepMentorNote(UUID bookingId, UUID mentorId, UUID noteId, String text) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

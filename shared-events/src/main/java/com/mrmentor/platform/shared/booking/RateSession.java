package com.mrmentor.platform.shared.booking;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The student rates a completed session, once, within the feedback window. */
public record RateSession(UUID bookingId, UUID studentId, Integer stars, SessionExperience experience, Boolean mentorOnTime, String comment) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.booking(bookingId);
    }
}

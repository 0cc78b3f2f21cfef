package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The mentor sets the windows of one date (none: blocked). */
public record SetDateAvailability(UUID userId, LocalDate date, List<TimeWindow> windows) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

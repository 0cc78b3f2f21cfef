package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The mentor replaces their weekly windows and buffer. */
public record SetWeeklyAvailability(UUID userId, List<WeeklyWindow> windows, int bufferMinutes) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The mentor lets the weekly windows apply again on a date. */
public record ClearDateAvailability(UUID userId, LocalDate date) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

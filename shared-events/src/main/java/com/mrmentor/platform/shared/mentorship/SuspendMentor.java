package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An administrator suspends an active mentor. */
public record SuspendMentor(UUID userId, String reason, UUID suspendedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

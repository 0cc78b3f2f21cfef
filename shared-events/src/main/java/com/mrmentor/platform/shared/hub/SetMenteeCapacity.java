package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The mentor sets how many mentees they take at once. */
public record SetMenteeCapacity(UUID mentorId, int maxMentees, UUID setBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}

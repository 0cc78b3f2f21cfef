package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An administrator ({@code asAdmin}) or the mentor creates a group of the mentor's mentees. */
public record CreateHubGroup(UUID mentorId, UUID groupId, String name, String cohort, String track, Integer maxSize,
                             UUID createdBy, boolean asAdmin) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}

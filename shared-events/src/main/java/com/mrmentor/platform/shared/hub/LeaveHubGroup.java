package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A mentee (the caller) leaves a group. */
public record LeaveHubGroup(UUID mentorId, UUID groupId, UUID menteeId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}

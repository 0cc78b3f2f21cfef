package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A mentee (the caller) joins a group of the mentor they are paired with. */
public record JoinHubGroup(UUID mentorId, UUID groupId, UUID menteeId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}

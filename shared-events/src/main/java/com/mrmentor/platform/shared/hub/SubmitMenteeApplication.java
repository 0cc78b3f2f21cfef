package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A signed-in user (the caller) applies to be mentored by {@code mentorId}. */
public record SubmitMenteeApplication(UUID mentorId, UUID applicationId, UUID menteeId, String goals,
                                      List<String> interests, String track, String background) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}

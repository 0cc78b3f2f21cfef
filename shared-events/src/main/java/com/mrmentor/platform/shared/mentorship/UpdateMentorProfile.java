package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The mentor replaces their profile. */
public record UpdateMentorProfile(UUID userId, String headline, String bio, List<String> expertise, String track, String company, List<String> languages, String timeZone, Integer pricePerSession) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

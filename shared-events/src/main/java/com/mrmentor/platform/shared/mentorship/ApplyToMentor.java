package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Apply to mentor (the applicant is the caller). */
public record ApplyToMentor(UUID userId, UUID applicationId, String headline, String bio, List<String> expertise, String track, String company, List<String> languages, String timeZone, Integer pricePerSession) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

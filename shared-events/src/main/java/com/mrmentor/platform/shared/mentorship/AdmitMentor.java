package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Approve a mentor application and give the user the MENTOR role, both or neither (handled across the mentor and the
 * account in one unit of work).
 */
public record AdmitMentor(UUID userId, UUID approvedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

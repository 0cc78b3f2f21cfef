package com.mrmentor.platform.shared.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An administrator rejects the open application, with a reason. */
public record RejectMentorApplication(UUID userId, UUID rejectedBy, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return MentorIds.mentor(userId);
    }
}

package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Moves an application to {@code to}. The mentor follows the guarded path; an administrator ({@code asAdmin}) who is
 * not the mentor overrides it and must give a reason.
 */
public record ChangeApplicationStatus(UUID mentorId, UUID applicationId, ApplicationStatus to, UUID changedBy,
                                      boolean asAdmin, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}

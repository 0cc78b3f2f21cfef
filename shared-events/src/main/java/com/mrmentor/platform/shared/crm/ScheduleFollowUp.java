package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Schedule a follow-up of the lead at {@code dueAt} (in the future). */
public record ScheduleFollowUp(UUID leadId, UUID followUpId, Instant dueAt, String note, UUID scheduledBy,
                               boolean asHead) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.lead(leadId);
    }
}

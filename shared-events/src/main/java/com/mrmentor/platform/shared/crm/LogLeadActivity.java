package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Log a call (duration in seconds, outcome), note, WhatsApp or e-mail touch; may complete a follow-up. */
public record LogLeadActivity(UUID leadId, UUID activityId, ActivityType type, String outcome, Integer durationSeconds,
                              String note, UUID followUpId, UUID loggedBy, boolean asHead) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.lead(leadId);
    }
}

package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Move the lead along the pipeline (its rep; a SALES_HEAD or ADMIN for any lead: {@code asHead}). */
public record ChangeLeadStatus(UUID leadId, LeadStatus to, String reason, UUID changedBy, boolean asHead) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.lead(leadId);
    }
}

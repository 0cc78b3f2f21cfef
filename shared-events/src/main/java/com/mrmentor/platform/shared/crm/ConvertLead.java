package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Record that the lead became student {@code studentId} (created or linked by the conversion). */
public record ConvertLead(UUID leadId, UUID studentId, boolean accountCreated, UUID convertedBy, boolean asHead) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.lead(leadId);
    }
}

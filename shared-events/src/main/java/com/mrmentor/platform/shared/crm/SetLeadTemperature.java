package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A rep sets the lead's temperature by hand; call predictions no longer change it. */
public record SetLeadTemperature(UUID leadId, Temperature temperature, UUID setBy, boolean asHead) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.lead(leadId);
    }
}

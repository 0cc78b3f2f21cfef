package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Set a rep's daily capacity and availability (SALES_HEAD, ADMIN). */
public record ConfigureSalesRep(UUID repId, int dailyCapacity, RepAvailability availability, UUID configuredBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.DESK;
    }
}

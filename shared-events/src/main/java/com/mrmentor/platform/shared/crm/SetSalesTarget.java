package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;
import java.util.UUID;

/** Set a rep's targets for a month (SALES_HEAD, ADMIN): calls made and leads converted. */
public record SetSalesTarget(UUID repId, YearMonth month, int calls, int conversions, UUID setBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.target(repId, month);
    }
}

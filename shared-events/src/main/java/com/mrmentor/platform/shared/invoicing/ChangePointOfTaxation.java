package com.mrmentor.platform.shared.invoicing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Set the point of taxation for purchases from now on. */
public record ChangePointOfTaxation(PointOfTaxation pointOfTaxation, String reason, UUID changedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return InvoicingIds.SETTINGS;
    }
}

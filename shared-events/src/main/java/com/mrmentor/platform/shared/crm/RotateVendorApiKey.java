package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Replace a key's secret (ADMIN): the old key stops working at once. */
public record RotateVendorApiKey(UUID keyId, String prefix, String secretHash, UUID rotatedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.vendorKey(keyId);
    }
}

package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Revoke a key for good (ADMIN). */
public record RevokeVendorApiKey(UUID keyId, String reason, UUID revokedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.vendorKey(keyId);
    }
}

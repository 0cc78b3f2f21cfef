package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issue an API key to a vendor (ADMIN). Carries the SHA-256 hash of the key, never the key; the hash is stored outside
 * the event store.
 */
public record IssueVendorApiKey(UUID keyId, String vendor, List<String> scopes, int ratePerMinute, String prefix,
                                String secretHash, UUID issuedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.vendorKey(keyId);
    }
}

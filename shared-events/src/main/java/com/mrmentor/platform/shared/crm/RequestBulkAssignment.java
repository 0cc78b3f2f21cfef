package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ask a sales head to approve giving these leads to a rep. */
public record RequestBulkAssignment(UUID requestId, List<UUID> leadIds, UUID repId, UUID requestedBy, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.request(requestId);
    }
}

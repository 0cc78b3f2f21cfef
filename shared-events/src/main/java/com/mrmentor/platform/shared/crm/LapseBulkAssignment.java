package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sent by the approval saga's deadline; a request decided meanwhile is left as it is. */
public record LapseBulkAssignment(UUID requestId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.request(requestId);
    }
}

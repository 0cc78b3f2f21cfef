package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sales head rejects a pending request, with a comment. */
public record RejectBulkAssignment(UUID requestId, UUID rejectedBy, String comment) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.request(requestId);
    }
}

package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sales head approves a pending request (not their own). */
public record ApproveBulkAssignment(UUID requestId, UUID approvedBy, String comment) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.request(requestId);
    }
}

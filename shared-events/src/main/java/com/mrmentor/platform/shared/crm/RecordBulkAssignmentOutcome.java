package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sent by the saga once every lead of an approved request was tried. */
public record RecordBulkAssignmentOutcome(UUID requestId, int assigned, List<String> failures) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.request(requestId);
    }
}

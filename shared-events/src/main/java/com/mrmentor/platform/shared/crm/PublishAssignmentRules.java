package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Replace the ordered rule list with a new version (SALES_HEAD, ADMIN). */
public record PublishAssignmentRules(List<AssignmentRule> rules, UUID publishedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CrmIds.DESK;
    }
}

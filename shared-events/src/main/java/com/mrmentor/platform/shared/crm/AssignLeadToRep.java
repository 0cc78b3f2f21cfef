package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Give the lead to {@code repId} by hand: a SALES_HEAD or ADMIN directly, or the saga carrying out an approved request
 * ({@code requestId}).
 */
public record AssignLeadToRep(UUID leadId, UUID repId, UUID assignedBy, UUID requestId, String reason) {
}

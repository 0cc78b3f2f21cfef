package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A bulk assignment request as the read model shows it. */
public record BulkAssignmentView(UUID requestId, List<UUID> leadIds, UUID repId, UUID requestedBy, String reason,
                                 BulkAssignmentStatus status, Instant requestedAt, Instant decideBy, UUID decidedBy,
                                 String comment, Instant decidedAt, Integer assigned, List<String> failures) {
}

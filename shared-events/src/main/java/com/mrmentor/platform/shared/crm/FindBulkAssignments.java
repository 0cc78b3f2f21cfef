package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bulk assignment requests, newest first, narrowed by status and requester; a list of {@link BulkAssignmentView}. */
public record FindBulkAssignments(BulkAssignmentStatus status, UUID requestedBy, UUID requestId) {
}

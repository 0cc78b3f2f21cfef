package com.mrmentor.platform.shared.audit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Records that {@code readerId} read the audit record (see {@link AuditReadRecorded}). */
public record RecordAuditRead(@TargetAggregateIdentifier String trailId, UUID readerId, String resource,
                              String query, String aggregateType, String aggregateIdentifier, Instant at) {

    /** The trail of one reader and day (UTC): a stream short enough to load, one per reader so readers never race. */
    public static String trailOf(UUID readerId, Instant at) {
        return "audit-trail:" + readerId + ":" + at.toString().substring(0, 10);
    }
}

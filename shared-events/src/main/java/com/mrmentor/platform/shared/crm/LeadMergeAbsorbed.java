package com.mrmentor.platform.shared.crm;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The survivor's side of a merge: lead {@code mergedLeadId} was merged into this one. */
@Revision("1")
public record LeadMergeAbsorbed(UUID leadId, UUID mergedLeadId, UUID mergeId, UUID mergedBy, Instant mergedAt)
        implements LeadEvent {
}

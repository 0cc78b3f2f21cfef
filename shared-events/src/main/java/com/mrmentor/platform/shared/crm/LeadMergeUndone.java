package com.mrmentor.platform.shared.crm;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The survivor's side of an undone merge: lead {@code mergedLeadId} is separate again. */
@Revision("1")
public record LeadMergeUndone(UUID leadId, UUID mergedLeadId, UUID mergeId, UUID undoneBy, Instant undoneAt)
        implements LeadEvent {
}

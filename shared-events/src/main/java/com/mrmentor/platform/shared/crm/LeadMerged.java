package com.mrmentor.platform.shared.crm;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * This lead was merged into {@code survivorId} by a sales head: its timeline shows on the survivor, arrivals of its
 * phone or e-mail become duplicates of the survivor, and it takes no more changes until the merge is undone.
 */
@Revision("1")
public record LeadMerged(UUID leadId, UUID survivorId, UUID mergeId, UUID mergedBy, Instant mergedAt)
        implements LeadEvent {
}

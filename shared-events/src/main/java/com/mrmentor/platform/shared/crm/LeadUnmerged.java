package com.mrmentor.platform.shared.crm;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The merge of this lead was undone: it is a lead of its own again, as it was ({@code repId} and {@code status} are its
 * state, for the lookups that restore it).
 */
@Revision("1")
public record LeadUnmerged(UUID leadId, UUID survivorId, UUID mergeId, UUID repId, LeadStatus status, UUID undoneBy,
                           Instant undoneAt) implements LeadEvent {
}

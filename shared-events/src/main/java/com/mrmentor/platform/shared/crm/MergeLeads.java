package com.mrmentor.platform.shared.crm;

import java.util.UUID;

/** Merge lead {@code mergedId} into {@code survivorId} (SALES_HEAD, ADMIN); handled across both leads. */
public record MergeLeads(UUID survivorId, UUID mergedId, UUID mergeId, UUID mergedBy) {
}

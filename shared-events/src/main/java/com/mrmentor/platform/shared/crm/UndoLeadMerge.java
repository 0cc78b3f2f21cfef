package com.mrmentor.platform.shared.crm;

import java.util.UUID;

/** Undo merge {@code mergeId} into {@code survivorId} (SALES_HEAD, ADMIN); handled across both leads. */
public record UndoLeadMerge(UUID survivorId, UUID mergeId, UUID undoneBy) {
}

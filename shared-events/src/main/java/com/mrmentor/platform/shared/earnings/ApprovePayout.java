package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Finance approves a pending payout (four eyes: never its requester). */
public record ApprovePayout(UUID payoutId, UUID approvedBy) {
}

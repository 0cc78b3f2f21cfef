package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Finance approved a payout (not its requester): it waits for batch {@code batchId}, sent at {@code sendAt}. */
@Revision("1")
public record PayoutApproved(UUID payoutId, UUID mentorId, long amount, UUID approvedBy, String batchId,
                             Instant sendAt, Instant approvedAt) implements PayoutEvent {
}

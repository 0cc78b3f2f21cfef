package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Finance rejected a payout, or nobody decided in time ({@code automatic}, {@code rejectedBy} null). */
@Revision("1")
public record PayoutRejected(UUID payoutId, UUID mentorId, long amount, String reason, UUID rejectedBy,
                             boolean automatic, Instant rejectedAt) implements PayoutEvent {
}

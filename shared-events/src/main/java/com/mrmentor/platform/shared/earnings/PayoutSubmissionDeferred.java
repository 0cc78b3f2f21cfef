package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The batch could not reach the provider; the payout stays queued and is tried again at {@code retryAt}. */
@Revision("1")
public record PayoutSubmissionDeferred(UUID payoutId, UUID mentorId, String reason, Instant retryAt,
                                       Instant deferredAt) implements PayoutEvent {
}

package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The bank credited the payout; {@code utr} is the bank's reference. */
@Revision("1")
public record PayoutProcessed(UUID payoutId, UUID mentorId, long amount, String providerPayoutId, String utr,
                              Instant processedAt) implements PayoutEvent {
}

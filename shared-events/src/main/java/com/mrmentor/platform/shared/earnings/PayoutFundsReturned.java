package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A payout's money came back to the available balance, once per payout: it was rejected, cancelled or failed
 * (from in-payout) or reversed by the bank after it was processed (from paid, {@code fromBucket = PAID}).
 */
@Revision("1")
public record PayoutFundsReturned(UUID mentorId, UUID payoutId, long amount, PayoutStatus outcome,
                                  String fromBucket, String reason, Instant returnedAt) implements EarningsEvent {
}

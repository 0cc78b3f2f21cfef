package com.mrmentor.platform.shared.earnings;

import java.time.Instant;
import java.util.Map;

/**
 * One batch: the payouts approved into it (or sent at once, batch {@code immediate}), their count and amount, and
 * the amount per state.
 */
public record PayoutBatchTotals(String batchId, Instant sendAt, long payouts, long amount,
                                Map<PayoutStatus, Long> amountByStatus) {
}

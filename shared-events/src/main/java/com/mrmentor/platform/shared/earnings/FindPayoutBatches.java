package com.mrmentor.platform.shared.earnings;

/** Totals per payout batch, newest first. Answered with a list of {@link PayoutBatchTotals}. */
public record FindPayoutBatches(int limit) {
}

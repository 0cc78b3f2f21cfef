package com.mrmentor.platform.query.finance;

/**
 * Earnings and payouts in the period, from the event store (paise).
 *
 * @param sessionsAccrued   session earnings recorded
 * @param gross             their value before commission and TDS (captured tokens × token value, before GST)
 * @param commission        the platform's commission on them
 * @param tds               TDS withheld on them
 * @param net               what the mentors earned of them
 * @param reversed          net reversed (late refunds, disputes)
 * @param payoutsRequested  payouts requested, and their {@code requestedAmount}
 * @param payoutsProcessed  payouts the provider processed, and their {@code processedAmount}
 * @param returnedAmount    money returned to mentors from rejected, cancelled, failed and reversed payouts
 * @param mentorsChecked    how many mentors' balances were recomputed from all their events
 */
public record EarningsTotals(long sessionsAccrued, long gross, long commission, long tds, long net, long reversed,
                             long payoutsRequested, long requestedAmount, long payoutsProcessed, long processedAmount,
                             long returnedAmount, long mentorsChecked) {
}

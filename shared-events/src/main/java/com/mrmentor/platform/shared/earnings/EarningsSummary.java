package com.mrmentor.platform.shared.earnings;

import java.time.Instant;
import java.util.UUID;

/**
 * A mentor's balances in paise: {@code pending} (in the hold period), {@code available} (may be negative after a
 * reversal of money already paid out), {@code inPayout} (requested, not yet processed), {@code paid},
 * {@code withheld} (TDS), and the lifetime {@code gross} and {@code commission}. {@code payoutsHeldUntil}: the end of
 * a destination change's hold, if one is running.
 */
public record EarningsSummary(UUID mentorId, long pending, long available, long inPayout, long paid, long withheld,
                              long gross, long commission, String currency, String destination,
                              Instant payoutsHeldUntil) {

    /** A mentor who has earned nothing yet. */
    public static EarningsSummary empty(UUID mentorId) {
        return new EarningsSummary(mentorId, 0, 0, 0, 0, 0, 0, 0, "INR", null, null);
    }
}

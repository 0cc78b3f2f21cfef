package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Aggregate identifiers of the earnings context. */
public final class EarningsIds {

    /** Prefix of every mentor's earnings ledger. */
    public static final String LEDGER_PREFIX = "mentor-earnings:";
    /** Prefix of every payout. */
    public static final String PAYOUT_PREFIX = "payout:";

    private EarningsIds() {
    }

    /** The earnings ledger of mentor {@code mentorId}. */
    public static String ledger(UUID mentorId) {
        return LEDGER_PREFIX + mentorId;
    }

    /** Payout {@code payoutId}. */
    public static String payout(UUID payoutId) {
        return PAYOUT_PREFIX + payoutId;
    }
}

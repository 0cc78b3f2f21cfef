package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Every event of a mentor's earnings ledger; all name the mentor first. */
public sealed interface EarningsEvent
        permits SessionEarningAccrued, SessionEarningAvailable, SessionEarningReversed, PayoutFundsReserved,
        PayoutFundsPaid, PayoutFundsReturned, PayoutDestinationChanged {

    /** The mentor. */
    UUID mentorId();
}

package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The provider processed a payout: {@code amount} paise moved from in-payout to paid. */
@Revision("1")
public record PayoutFundsPaid(UUID mentorId, UUID payoutId, long amount, String utr, Instant paidAt)
        implements EarningsEvent {
}

package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A payout was requested: {@code amount} paise moved from available to in-payout. */
@Revision("1")
public record PayoutFundsReserved(UUID mentorId, UUID payoutId, long amount, Instant reservedAt)
        implements EarningsEvent {
}

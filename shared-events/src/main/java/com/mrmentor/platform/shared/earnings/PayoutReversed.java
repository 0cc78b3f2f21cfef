package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The bank returned a processed payout (closed account, wrong beneficiary…); the money went back to available. */
@Revision("1")
public record PayoutReversed(UUID payoutId, UUID mentorId, long amount, String providerPayoutId, String utr,
                             String reason, Instant reversedAt) implements PayoutEvent {
}

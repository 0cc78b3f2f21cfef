package com.mrmentor.platform.shared.earnings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payout as finance and its mentor see it; the destination only masked. */
public record PayoutView(UUID payoutId, UUID mentorId, long amount, String currency, PayoutMethod method,
                         String destination, PayoutStatus status, Instant requestedAt, Instant notBefore,
                         UUID decidedBy, Instant decidedAt, String batchId, Instant sendAt, String provider,
                         String providerPayoutId, String utr, String reason, Instant processedAt,
                         Instant updatedAt, List<Step> timeline) {

    /** One step of the payout's life. */
    public record Step(Instant at, PayoutStatus status, String event, UUID actor, String detail) {
    }
}

package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The provider refused or could not complete the payout; the money went back to available, with this reason. */
@Revision("1")
public record PayoutFailed(UUID payoutId, UUID mentorId, long amount, String providerPayoutId, String reason,
                           Instant failedAt) implements PayoutEvent {
}

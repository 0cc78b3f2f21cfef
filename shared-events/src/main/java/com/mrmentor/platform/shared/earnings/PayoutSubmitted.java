package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider accepted a payout ({@code providerPayoutId}); it is processing. {@code immediate}: finance sent it
 * now (by {@code submittedBy}), otherwise its batch did.
 */
@Revision("1")
public record PayoutSubmitted(UUID payoutId, UUID mentorId, long amount, String provider, String providerPayoutId,
                              boolean immediate, UUID submittedBy, Instant submittedAt) implements PayoutEvent {
}

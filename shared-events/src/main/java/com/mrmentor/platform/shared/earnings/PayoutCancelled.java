package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The mentor withdrew a payout before it was sent, or the provider cancelled it ({@code cancelledBy} null). */
@Revision("1")
public record PayoutCancelled(UUID payoutId, UUID mentorId, long amount, String reason, UUID cancelledBy,
                              Instant cancelledAt) implements PayoutEvent {
}

package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was refunded or lost a dispute after it settled: its earning is reversed. {@code amount} (the net
 * earned) leaves the bucket it was in ({@code PENDING} or {@code AVAILABLE}); if it was already paid out, the
 * available balance goes negative and later earnings recover it before anything can be paid out again. The
 * commission and TDS lines are reversed with it.
 */
@Revision("1")
public record SessionEarningReversed(UUID mentorId, UUID bookingId, long amount, long gross, long commission,
                                     long tds, String fromBucket, String reason, UUID reversedBy,
                                     Instant reversedAt) implements EarningsEvent {
}

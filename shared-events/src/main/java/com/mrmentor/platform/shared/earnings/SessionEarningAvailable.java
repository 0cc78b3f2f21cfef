package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A session's earning passed its hold period: {@code net} paise moved from pending to available. */
@Revision("1")
public record SessionEarningAvailable(UUID mentorId, UUID bookingId, long net, Instant availableAt)
        implements EarningsEvent {
}

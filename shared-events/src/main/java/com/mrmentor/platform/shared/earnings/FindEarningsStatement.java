package com.mrmentor.platform.shared.earnings;

import java.time.Instant;
import java.util.UUID;

/** Every ledger line of a mentor in {@code [from, to)}. Answered with {@link EarningsStatement}. */
public record FindEarningsStatement(UUID mentorId, Instant from, Instant to) {
}

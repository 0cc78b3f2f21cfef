package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** One payout with its timeline. Answered with {@link PayoutView} or null. */
public record FindPayout(UUID payoutId) {
}

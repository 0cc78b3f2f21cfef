package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** The mentor withdraws their payout before it is sent; its money returns to available. */
public record CancelPayout(UUID payoutId, UUID mentorId, String reason) {
}

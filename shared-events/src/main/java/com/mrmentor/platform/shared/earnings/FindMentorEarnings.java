package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** A mentor's balances. Answered with {@link EarningsSummary}. */
public record FindMentorEarnings(UUID mentorId) {
}

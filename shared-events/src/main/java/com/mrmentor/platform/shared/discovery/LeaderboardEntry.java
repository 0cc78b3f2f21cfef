package com.mrmentor.platform.shared.discovery;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of the leaderboard.
 *
 * @param rank          1 for the first; mentors equal in sessions and rating share a rank (1, 2, 2, 4)
 * @param averageRating 2 decimals; null without ratings
 */
public record LeaderboardEntry(int rank, UUID mentorId, String name, String headline, long completedSessions,
                               BigDecimal averageRating, long ratingsCount) {
}

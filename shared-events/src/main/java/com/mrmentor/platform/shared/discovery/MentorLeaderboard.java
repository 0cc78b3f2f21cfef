package com.mrmentor.platform.shared.discovery;

import java.util.List;

/** One page of the leaderboard. */
public record MentorLeaderboard(List<LeaderboardEntry> entries, int page, int size, long totalElements,
                                int totalPages) {
}

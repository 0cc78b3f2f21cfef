package com.mrmentor.platform.shared.discovery;

/**
 * Active mentors with at least one completed session, ranked by completed sessions (most first), then average
 * rating (highest first, unrated last); answers a {@link MentorLeaderboard}.
 */
public record FindMentorLeaderboard(int page, int size) {
}

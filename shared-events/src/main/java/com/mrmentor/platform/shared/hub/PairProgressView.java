package com.mrmentor.platform.shared.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The progress of one pair: logs with at least one half, logs with both, the average score each side gave, the last
 * session date, and whether an active pair has gone without a session for the stale period (14 days).
 */
public record PairProgressView(UUID pairingId, List<String> cohorts, UUID mentorId, String mentorName, UUID menteeId,
                               String menteeName, Instant pairedAt, boolean active, int sessionsLogged,
                               int completedLogs, Double averageMentorScore, Double averageMenteeScore,
                               LocalDate lastSessionDate, boolean noRecentSession) {
}

package com.mrmentor.platform.shared.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The session log of a pair on a date: each side's half (null until submitted), complete when both are in. */
public record SessionLogView(UUID pairingId, LocalDate sessionDate, UUID mentorId, UUID menteeId, Half mentorHalf,
                             Half menteeHalf, Instant completedAt) {

    /** One side's half. */
    public record Half(String topic, int score, boolean needsSupport, String supportReason, Instant submittedAt) {
    }
}

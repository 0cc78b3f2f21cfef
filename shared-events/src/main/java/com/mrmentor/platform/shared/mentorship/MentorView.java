package com.mrmentor.platform.shared.mentorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A mentor as the read model shows them: profile, status and availability. */
public record MentorView(UUID userId, String name, MentorStatus status, String headline, String bio,
                         List<String> expertise, String track, String company, List<String> languages,
                         String timeZone, int pricePerSession, int bufferMinutes, List<WeeklyWindow> weekly,
                         Map<LocalDate, List<TimeWindow>> dates, Instant appliedAt, Instant decidedAt,
                         String rejectionReason, String suspensionReason) {
}

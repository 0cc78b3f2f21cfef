package com.mrmentor.platform.shared.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking as its events left it. {@code timeline} and {@code feedback} are filled for a single booking only.
 */
public record BookingView(UUID bookingId, UUID studentId, UUID mentorId, BookingStatus status, Instant start,
                          Instant end, String mentorTimeZone, String topic, long priceTokens, Instant respondBy,
                          String meetingUrl, int calendarSequence, int rescheduleCount, Instant requestedAt,
                          Instant confirmedAt, Instant endedAt, Instant studentJoinedAt, Instant mentorJoinedAt,
                          BookingParty cancelledBy, String endReason, boolean lateCancellation,
                          BookingParty absentParty, boolean completedAutomatically, TokenOutcome tokenOutcome,
                          Long capturedTokens, Long releasedTokens, Instant settledAt, boolean rated,
                          Feedback feedback, List<TimelineEntry> timeline) {

    /** The student's rating. */
    public record Feedback(int stars, SessionExperience experience, boolean mentorOnTime, String comment,
                           Instant ratedAt) {
    }

    /** One thing that happened to the booking. */
    public record TimelineEntry(long sequence, String type, Instant at, UUID actorId, String detail) {
    }

    /** The same booking with its details attached. */
    public BookingView withDetails(Feedback feedback, List<TimelineEntry> timeline) {
        return new BookingView(bookingId, studentId, mentorId, status, start, end, mentorTimeZone, topic, priceTokens,
                respondBy, meetingUrl, calendarSequence, rescheduleCount, requestedAt, confirmedAt, endedAt,
                studentJoinedAt, mentorJoinedAt, cancelledBy, endReason, lateCancellation, absentParty,
                completedAutomatically, tokenOutcome, capturedTokens, releasedTokens, settledAt, rated, feedback,
                timeline);
    }
}

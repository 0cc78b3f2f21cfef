package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A party moved the booking to another slot; the hold carries over, and a confirmed booking's invitation is re-sent with {@code calendarSequence}. */
@Revision("1")
public record BookingRescheduled(UUID bookingId, UUID studentId, UUID mentorId, UUID rescheduledBy, BookingParty rescheduledByParty, Instant previousStart, Instant start, Instant end, BookingStatus status, Instant respondBy, int calendarSequence, int bufferMinutes, Instant holdExpiresAt, Instant rescheduledAt) implements BookingEvent {
}

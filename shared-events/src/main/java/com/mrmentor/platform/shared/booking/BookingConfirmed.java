package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The mentor accepted: the session will take place at {@code meetingUrl}. {@code calendarSequence} is the invitation's SEQUENCE (0 for the first). */
@Revision("1")
public record BookingConfirmed(UUID bookingId, UUID studentId, UUID mentorId, Instant start, Instant end, String meetingUrl, int calendarSequence, Instant confirmedAt) implements BookingEvent {
}

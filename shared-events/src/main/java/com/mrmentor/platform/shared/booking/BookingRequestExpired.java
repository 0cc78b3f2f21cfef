package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The mentor did not answer by the respond-by time; the held tokens go back. */
@Revision("1")
public record BookingRequestExpired(UUID bookingId, UUID studentId, UUID mentorId, Instant expiredAt) implements BookingEvent {
}

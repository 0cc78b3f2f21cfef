package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The session took place: completed by the mentor ({@code completedBy}), or {@code automatic}ally after the grace period when nobody reported a no-show. */
@Revision("1")
public record BookingCompleted(UUID bookingId, UUID studentId, UUID mentorId, Instant start, Instant end, long priceTokens, UUID completedBy, boolean automatic, Instant studentJoinedAt, Instant mentorJoinedAt, Instant completedAt) implements BookingEvent {
}

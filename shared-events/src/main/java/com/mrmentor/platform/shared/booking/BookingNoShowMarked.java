package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A party reported that the other had not joined ten minutes after the start. A student's absence captures the tokens; a mentor's releases them and counts against the mentor's reliability. */
@Revision("1")
public record BookingNoShowMarked(UUID bookingId, UUID studentId, UUID mentorId, BookingParty absentParty, UUID reportedBy, TokenOutcome tokenOutcome, Instant start, Instant markedAt) implements BookingEvent {
}

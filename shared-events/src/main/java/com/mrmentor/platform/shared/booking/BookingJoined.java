package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A party joined the session for the first time. */
@Revision("1")
public record BookingJoined(UUID bookingId, UUID userId, BookingParty party, Instant joinedAt) implements BookingEvent {
}

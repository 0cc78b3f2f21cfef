package com.mrmentor.platform.command.mentorship;

import java.time.Instant;
import java.util.UUID;

/**
 * What a session with a mentor is booked on, as the mentor's aggregate has it when the booking is made.
 *
 * @param bufferMinutes free time the mentor keeps after each session
 */
public record BookingTerms(UUID mentorId, Instant start, Instant end, int pricePerSession, String timeZone,
                           int bufferMinutes) {
}

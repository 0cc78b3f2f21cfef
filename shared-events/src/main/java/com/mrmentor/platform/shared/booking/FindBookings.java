package com.mrmentor.platform.shared.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * Bookings matching every given filter (null: any); answers a {@link BookingPage}. Upcoming bookings (start after
 * {@code now}) come soonest first, past ones latest first.
 *
 * @param participantId a booking where this user is the student or the mentor
 * @param upcoming      true: starting after {@code now}; false: started at or before {@code now}
 */
public record FindBookings(UUID participantId, UUID studentId, UUID mentorId, BookingStatus status, Boolean upcoming,
                           Instant now, int page, int size) {
}

package com.mrmentor.platform.shared.booking;

import java.util.UUID;

/** One booking with its timeline; answers a {@link BookingView} or null. */
public record FindBooking(UUID bookingId) {
}

package com.mrmentor.platform.shared.booking;

import java.util.UUID;

/** An event of one booking (aggregate id: {@link BookingIds#booking(UUID)}). */
public interface BookingEvent {
    UUID bookingId();
}

package com.mrmentor.platform.saga.booking;

import java.time.Instant;

/** A reminder deadline: which one, for the start it was scheduled for (a moved session's old reminders are stale). */
public record BookingReminderDue(BookingNotice.Kind kind, Instant start) {
}

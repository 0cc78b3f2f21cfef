package com.mrmentor.platform.shared.mentorship;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A recurring window of availability on a weekday, in the mentor's time zone (wall-clock times). */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {
}

package com.mrmentor.platform.shared.mentorship;

import java.time.LocalTime;

/** A window of availability on one date, in the mentor's time zone (wall-clock times). */
public record TimeWindow(LocalTime start, LocalTime end) {
}

package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * On {@code date} (in the mentor's zone) these windows replace the weekly ones: none blocks the day, others give
 * extra or different hours.
 */
@Revision("1")
public record DateAvailabilitySet(UUID userId, LocalDate date, List<TimeWindow> windows) implements MentorEvent {
}

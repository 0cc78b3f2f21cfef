package com.mrmentor.platform.shared.mentorship;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Free slots of a mentor, as instants.
 *
 * @param timeZone the mentor's zone
 * @param earliest the earliest bookable start (minimum notice)
 * @param latest   the latest bookable start (maximum advance)
 */
public record MentorSlots(UUID mentorId, String timeZone, int pricePerSession, Instant earliest, Instant latest,
                          List<AvailabilitySchedule.Slot> slots) {
}

package com.mrmentor.platform.shared.booking;

import java.util.UUID;

/** How reliably a mentor keeps their bookings; answers a {@link MentorReliability}. */
public record FindMentorReliability(UUID mentorId) {
}

package com.mrmentor.platform.shared.mentorship;

import java.time.Instant;
import java.util.UUID;

/** The free slots of mentor {@code userId} starting in {@code [from, to)}; answers a {@link MentorSlots}. */
public record FindMentorSlots(UUID userId, Instant from, Instant to) {
}

package com.mrmentor.platform.shared.hub;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The mentor's capacity: at most {@code maxMentees} active pairings at once. */
@Revision("1")
public record MenteeCapacitySet(UUID mentorId, int maxMentees, UUID setBy) implements MentorCircleEvent {
}

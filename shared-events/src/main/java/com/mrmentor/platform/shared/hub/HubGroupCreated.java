package com.mrmentor.platform.shared.hub;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A group of the mentor's mentees for a cohort (e.g. {@code 2026-Q4}) and track, with at most {@code maxSize} members. */
@Revision("1")
public record HubGroupCreated(UUID mentorId, UUID groupId, String name, String cohort, String track, int maxSize,
                              UUID createdBy, Instant createdAt) implements MentorCircleEvent {
}

package com.mrmentor.platform.shared.hub;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A mentee joined one of their mentor's groups. */
@Revision("1")
public record HubGroupJoined(UUID mentorId, UUID groupId, UUID menteeId, Instant joinedAt)
        implements MentorCircleEvent {
}

package com.mrmentor.platform.shared.hub;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A mentee left a group, by themselves or because their pairing with the group's mentor ended. */
@Revision("1")
public record HubGroupLeft(UUID mentorId, UUID groupId, UUID menteeId, GroupLeaveCause cause, Instant leftAt)
        implements MentorCircleEvent {
}

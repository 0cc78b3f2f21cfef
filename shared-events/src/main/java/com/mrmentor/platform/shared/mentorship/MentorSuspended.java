package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An administrator suspended the mentor: no longer listed or bookable. */
@Revision("1")
public record MentorSuspended(UUID userId, String reason, UUID suspendedBy) implements MentorEvent {
}

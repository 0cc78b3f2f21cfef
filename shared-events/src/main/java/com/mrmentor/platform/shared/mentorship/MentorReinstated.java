package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An administrator lifted the suspension. */
@Revision("1")
public record MentorReinstated(UUID userId, String reason, UUID reinstatedBy) implements MentorEvent {
}

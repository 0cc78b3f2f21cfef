package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An administrator approved the application: the user is an ACTIVE mentor with a public profile. */
@Revision("1")
public record MentorApplicationApproved(UUID userId, UUID applicationId, UUID approvedBy, Instant at)
        implements MentorEvent {
}

package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An administrator rejected the application, with a reason; the user may apply again. */
@Revision("1")
public record MentorApplicationRejected(UUID userId, UUID applicationId, UUID rejectedBy, String reason, Instant at)
        implements MentorEvent {
}

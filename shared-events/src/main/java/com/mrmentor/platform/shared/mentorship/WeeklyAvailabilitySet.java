package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/** The mentor's recurring weekly windows and the buffer kept after each session, replacing earlier ones. */
@Revision("1")
public record WeeklyAvailabilitySet(UUID userId, List<WeeklyWindow> windows, int bufferMinutes)
        implements MentorEvent {
}

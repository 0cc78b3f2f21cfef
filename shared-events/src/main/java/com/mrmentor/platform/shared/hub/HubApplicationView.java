package com.mrmentor.platform.shared.hub;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mentee's application to a mentor as the read model shows it, with the last status change. */
public record HubApplicationView(UUID applicationId, UUID mentorId, String mentorName, UUID menteeId,
                                 String menteeName, String goals, List<String> interests, String track,
                                 String background, ApplicationStatus status, Instant submittedAt,
                                 Instant updatedAt, UUID lastChangedBy, boolean adminOverride, String lastReason) {
}

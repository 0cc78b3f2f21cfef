package com.mrmentor.platform.shared.hub;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * An application moved from {@code from} to {@code to}. {@code adminOverride}: an administrator, not the mentor, moved
 * it (then with a reason). The reason speaks about the mentee: personal data of the mentee.
 */
@Revision("1")
public record MenteeApplicationStatusChanged(UUID mentorId, UUID applicationId, @DataSubject UUID menteeId,
                                             ApplicationStatus from, ApplicationStatus to, UUID changedBy,
                                             boolean adminOverride, @PersonalData String reason, Instant changedAt)
        implements MentorCircleEvent {
}

package com.mrmentor.platform.shared.hub;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mentee applied to a mentor. Goals and background are the mentee's own words: personal data of the mentee. */
@Revision("1")
public record MenteeApplicationSubmitted(UUID mentorId, UUID applicationId, @DataSubject UUID menteeId,
                                         @PersonalData String goals, List<String> interests, String track,
                                         @PersonalData String background, Instant submittedAt)
        implements MentorCircleEvent {
}

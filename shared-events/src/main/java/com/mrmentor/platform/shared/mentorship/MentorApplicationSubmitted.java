package com.mrmentor.platform.shared.mentorship;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user applied to mentor. Headline, bio and company may name people, so they are personal data of the applicant.
 *
 * @param pricePerSession tokens per 30-minute session
 */
@Revision("1")
public record MentorApplicationSubmitted(@DataSubject UUID userId, UUID applicationId, @PersonalData String headline,
                                         @PersonalData String bio, List<String> expertise, String track,
                                         @PersonalData String company, List<String> languages, String timeZone,
                                         int pricePerSession, Instant submittedAt) implements MentorEvent {
}

package com.mrmentor.platform.shared.mentorship;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/** The mentor changed their profile (the whole profile, as it now is). */
@Revision("1")
public record MentorProfileUpdated(@DataSubject UUID userId, @PersonalData String headline, @PersonalData String bio,
                                   List<String> expertise, String track, @PersonalData String company,
                                   List<String> languages, String timeZone, int pricePerSession)
        implements MentorEvent {
}

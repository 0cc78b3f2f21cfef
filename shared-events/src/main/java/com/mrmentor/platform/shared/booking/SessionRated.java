package com.mrmentor.platform.shared.booking;

import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The student rated a completed session (once). The comment is the student's personal data. */
@Revision("1")
public record SessionRated(UUID bookingId, @DataSubject UUID studentId, UUID mentorId, int stars, SessionExperience experience, boolean mentorOnTime, @PersonalData String comment, Instant ratedAt) implements BookingEvent {
}

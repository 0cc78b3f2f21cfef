package com.mrmentor.platform.shared.booking;

import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The mentor wrote a private note on a booking; only the mentor reads it. */
@Revision("1")
public record MentorNoteKept(UUID bookingId, @DataSubject UUID mentorId, UUID noteId, @PersonalData String text, Instant keptAt) implements BookingEvent {
}

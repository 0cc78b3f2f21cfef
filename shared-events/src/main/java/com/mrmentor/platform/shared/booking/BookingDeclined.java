package com.mrmentor.platform.shared.booking;

import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The mentor declined a request; the held tokens go back. The reason is the mentor's personal data. */
@Revision("1")
public record BookingDeclined(UUID bookingId, UUID studentId, @DataSubject UUID mentorId, @PersonalData String reason, Instant declinedAt) implements BookingEvent {
}

package com.mrmentor.platform.shared.booking;

import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A party called the booking off. {@code late}: the student cancelled a confirmed session less than the policy's notice before its start, so the tokens are captured. The reason is the canceller's personal data. */
@Revision("1")
public record BookingCancelled(UUID bookingId, UUID studentId, UUID mentorId, @DataSubject UUID cancelledBy, BookingParty cancelledByParty, @PersonalData String reason, BookingStatus previousStatus, boolean late, TokenOutcome tokenOutcome, Instant start, int calendarSequence, Instant cancelledAt) implements BookingEvent {
}

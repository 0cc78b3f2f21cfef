package com.mrmentor.platform.shared.booking;

import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A student asked for a session: the slot is taken and {@code priceTokens} are held (hold {@code holdId}) until the booking ends. The mentor must answer by {@code respondBy}. The topic is the student's personal data. */
@Revision("1")
public record BookingRequested(UUID bookingId, @DataSubject UUID studentId, UUID mentorId, Instant start, Instant end, @PersonalData String topic, long priceTokens, UUID holdId, Instant holdExpiresAt, Instant respondBy, String mentorTimeZone, int bufferMinutes, Instant requestedAt) implements BookingEvent {
}

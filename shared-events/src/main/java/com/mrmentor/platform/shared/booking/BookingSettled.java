package com.mrmentor.platform.shared.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The ledger resolved the booking's hold: the final fact of a booking, with everything earnings and finance need (who, price, tokens captured and released, the session's times). Ends the booking saga. */
@Revision("1")
public record BookingSettled(UUID bookingId, UUID studentId, UUID mentorId, BookingStatus outcome, UUID holdId, long priceTokens, long capturedTokens, long releasedTokens, Instant start, Instant end, Instant settledAt) implements BookingEvent {
}

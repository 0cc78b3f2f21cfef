package com.mrmentor.platform.runtime.support;

import com.mrmentor.platform.shared.booking.BookingIds;
import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.SessionExperience;
import com.mrmentor.platform.shared.booking.SessionRated;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Booking facts for read-model tests, published as the booking aggregate's events straight onto the event bus (the
 * booking commands are built elsewhere): a settlement and a rating of booking {@code bookingId}, stored in the event
 * store like any other event, so that processors (and their replays) read them.
 */
public final class BookingFacts {

    private final EventBus events;
    private final Map<UUID, Long> sequences = new ConcurrentHashMap<>();

    public BookingFacts(EventBus events) {
        this.events = events;
    }

    /** Booking {@code bookingId} settled with {@code outcome} (2 tokens; captured when COMPLETED). */
    public void settled(UUID bookingId, UUID studentId, UUID mentorId, BookingStatus outcome) {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        boolean completed = outcome == BookingStatus.COMPLETED;
        publish(bookingId, new BookingSettled(bookingId, studentId, mentorId, outcome, UUID.randomUUID(), 2,
                completed ? 2 : 0, completed ? 0 : 2, start, start.plus(Duration.ofMinutes(30)), Instant.now()));
    }

    /** A new booking of {@code studentId} with {@code mentorId} that settled as COMPLETED; answers its id. */
    public UUID completed(UUID studentId, UUID mentorId) {
        UUID bookingId = UUID.randomUUID();
        settled(bookingId, studentId, mentorId, BookingStatus.COMPLETED);
        return bookingId;
    }

    /** The student rated booking {@code bookingId}. */
    public void rated(UUID bookingId, UUID studentId, UUID mentorId, int stars, SessionExperience experience,
                      boolean mentorOnTime, String comment, Instant ratedAt) {
        publish(bookingId, new SessionRated(bookingId, studentId, mentorId, stars, experience, mentorOnTime, comment,
                ratedAt));
    }

    /** A completed session of the mentor, rated {@code stars} now; answers the booking id. */
    public UUID completedAndRated(UUID studentId, UUID mentorId, int stars) {
        UUID bookingId = completed(studentId, mentorId);
        rated(bookingId, studentId, mentorId, stars, SessionExperience.GOOD, true, null, Instant.now());
        return bookingId;
    }

    private void publish(UUID bookingId, Object payload) {
        long sequence = sequences.merge(bookingId, 0L, (previous, ignored) -> previous + 1);
        events.publish(new GenericDomainEventMessage<>("Booking", BookingIds.booking(bookingId), sequence, payload));
    }
}

package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.projections.booking.BookingProjection;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders 24 hours and 1 hour before a confirmed session, each sent once to both parties; none for a time the
 * session was moved away from; and a replay of the booking read model neither sends anything again nor changes what
 * it shows.
 */
class BookingRemindersIT extends BookingTestSupport {

    private static final String DAY_BEFORE = "Reminder: session tomorrow";
    private static final String HOUR_BEFORE = "Reminder: session in one hour";

    @Autowired
    EventProcessingConfiguration processing;

    /**
     * Every reminder is due at the same whole minute {@code due}, a few seconds from now in real time: one session
     * starts 24 hours after it (booked now), one an hour after it and one was to start then but was moved (both
     * booked with the clock moved back, as the notice is 12 hours).
     */
    @Test
    void remindersAreSentOnceToBothNotForAMovedTimeAndNotAgainAfterAReplay() {
        String admin = admin();
        Person dayStudent = student(admin);
        Person hourStudent = student(admin);
        Person movedStudent = student(admin);
        Instant rough = Instant.now().plus(Duration.ofMinutes(1));
        String dayZone = zoneAwayFromMidnight(rough.plus(Duration.ofHours(24)));
        String hourZone = zoneAwayFromMidnight(rough.plus(Duration.ofHours(1)));
        Person dayMentor = bookings().newMentor("day-mentor", admin, dayZone, 0);
        Person hourMentor = bookings().newMentor("hour-mentor", admin, hourZone, 0);
        Person movedMentor = bookings().newMentor("moved-mentor", admin, hourZone, 0);

        Instant due = minuteAfter(Duration.ofSeconds(10));
        Instant dayStart = due.plus(Duration.ofHours(24));
        Instant hourStart = due.plus(Duration.ofHours(1));
        offerAt(dayMentor, dayZone, dayStart);
        offerAt(hourMentor, hourZone, hourStart);
        offerAt(movedMentor, hourZone, hourStart);
        UUID daySession = bookConfirmed(dayStudent, dayMentor, dayStart);
        UUID hourSession = bookConfirmed(hourStudent, hourMentor, hourStart);
        UUID movedSession = bookConfirmed(movedStudent, movedMentor, hourStart);
        Instant movedTo = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        assertThat(bookings().reschedule(movedStudent.token(), movedSession, movedTo).status()).isEqualTo(200);
        assertThat(Instant.now()).as("set up before the reminders fall due").isBefore(due);

        Duration untilDue = Duration.between(Instant.now(), due).plus(BookingApi.WAIT);
        for (Person party : List.of(dayStudent, dayMentor)) {
            awaitMail(party.email(), DAY_BEFORE, untilDue);
        }
        for (Person party : List.of(hourStudent, hourMentor)) {
            awaitMail(party.email(), HOUR_BEFORE, untilDue);
        }
        assertThat(mails(hourStudent.email(), HOUR_BEFORE).get(0).body()).contains(hourSession.toString());
        assertThat(mails(dayMentor.email(), DAY_BEFORE).get(0).body()).contains(daySession.toString());

        // nothing more arrives: each reminder once, none for the session that was moved away from that time
        List<Person> everyone = List.of(dayStudent, dayMentor, hourStudent, hourMentor, movedStudent, movedMentor);
        Map<String, Integer> counts = new LinkedHashMap<>();
        everyone.forEach(p -> counts.put(p.email(), mailbox().count(p.email())));
        mailbox().assertNothingNewTo(hourMentor.email(), counts.get(hourMentor.email()), Duration.ofSeconds(3));
        for (Person party : List.of(dayStudent, dayMentor)) {
            assertThat(mails(party.email(), DAY_BEFORE)).hasSize(1);
            assertThat(mails(party.email(), HOUR_BEFORE)).isEmpty();
        }
        for (Person party : List.of(hourStudent, hourMentor)) {
            assertThat(mails(party.email(), HOUR_BEFORE)).hasSize(1);
            assertThat(mails(party.email(), DAY_BEFORE)).isEmpty();
        }
        for (Person party : List.of(movedStudent, movedMentor)) {
            assertThat(mails(party.email(), "Reminder")).isEmpty();
            assertThat(mails(party.email(), "Session moved to")).hasSize(1);
        }
        everyone.forEach(p -> assertThat(mailbox().count(p.email())).isEqualTo(counts.get(p.email())));

        // a replay of the booking read model: the same views, and no booking mail again
        Map<UUID, JsonNode> before = new LinkedHashMap<>();
        for (UUID booking : List.of(daySession, hourSession, movedSession)) {
            before.put(booking, bookings().booking(admin, booking).body());
        }
        replayBookings();
        before.forEach((booking, view) -> await("booking " + booking + " replayed").atMost(BookingApi.WAIT)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    Response response = bookings().booking(admin, booking);
                    return response.status() == 200 && response.body().equals(view);
                }));
        mailbox().assertNothingNewTo(dayStudent.email(), counts.get(dayStudent.email()), Duration.ofSeconds(3));
        everyone.forEach(p -> assertThat(mailbox().count(p.email())).as("mails to %s", p.email())
                .isEqualTo(counts.get(p.email())));
    }

    private void replayBookings() {
        TrackingEventProcessor processor = processing
                .eventProcessor(BookingProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private void awaitMail(String email, String prefix, Duration timeout) {
        await("mail '" + prefix + "' to " + email).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> !mails(email, prefix).isEmpty());
    }
}

package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.TestMailbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moving a session: either party, to a free slot, until an hour before the start. The tokens stay held (the same
 * hold), the old time is given back, and a confirmed session's calendar entry is updated in place.
 */
class BookingRescheduleIT extends BookingTestSupport {

    @Test
    void eitherPartyMovesAConfirmedSessionTheHoldCarriesOverAndTheInvitationIsUpdated() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant first = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        Instant second = first.plus(Duration.ofHours(26));
        Instant third = first.plus(Duration.ofHours(3));
        UUID booking = bookConfirmed(student, mentor, first);
        String link = awaitMail(student.email(), "Session confirmed").body().lines()
                .filter(l -> l.contains("https://")).findFirst().orElseThrow();
        bookings().awaitStatus(student.token(), booking, "CONFIRMED");
        assertThat(listsSlot(mentor, first)).isFalse();

        Response moved = bookings().reschedule(student.token(), booking, second);

        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(Instant.parse(moved.body().get("start").asText())).isEqualTo(second);
        JsonNode view = bookings().awaitBooking(student.token(), booking, b -> b.get("rescheduleCount").asInt() == 1);
        assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(view.get("start").asText())).isEqualTo(second);
        assertThat(view.get("calendarSequence").asInt()).isEqualTo(1);
        assertThat(timeline(view)).contains("RESCHEDULED");
        for (Person party : new Person[]{student, mentor}) {
            TestMailbox.Mail update = awaitMail(party.email(), "Session moved to");
            assertThat(update.calendar()).contains("METHOD:REQUEST", "UID:" + booking + "@mentor-platform",
                    "SEQUENCE:1", "DTSTART:" + BookingRequestsIT.ics(second));
            assertThat(update.calendarContentType()).containsIgnoringCase("method=REQUEST");
        }
        await("the old time free, the new one taken").atMost(BookingApi.WAIT).until(() ->
                listsSlot(mentor, first) && !listsSlot(mentor, second));

        // the mentor moves it once more, back to a nearer slot: still the one hold, the same entry, SEQUENCE:2
        assertThat(bookings().reschedule(mentor.token(), booking, third).status()).isEqualTo(200);
        view = bookings().awaitBooking(student.token(), booking, b -> b.get("rescheduleCount").asInt() == 2);
        assertThat(Instant.parse(view.get("start").asText())).isEqualTo(third);
        await("the second update").atMost(BookingApi.WAIT).until(() ->
                mails(student.email(), "Session moved to").size() == 2);
        assertThat(mails(student.email(), "Session moved to").get(1).calendar()).contains("SEQUENCE:2",
                "UID:" + booking + "@mentor-platform", "DTSTART:" + BookingRequestsIT.ics(third));

        awaitLedgerLines(admin, student.id(), "HOLD", 1);
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("held").asLong()).isEqualTo(2);
        assertThat(account.get("balance").asLong()).isEqualTo(10);
        assertThat(tokens().eventTypes(admin, student.id())).filteredOn("TokensHeld"::equals).hasSize(1);
        assertThat(view.get("meetingUrl").asText()).isNotBlank();
        assertThat(link).contains(view.get("meetingUrl").asText());
    }

    @Test
    void aRequestMovesToo() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant first = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        UUID booking = bookings().book(student, mentor, first);

        assertThat(bookings().reschedule(student.token(), booking, first.plus(Duration.ofHours(1))).status())
                .isEqualTo(200);

        JsonNode view = bookings().awaitBooking(student.token(), booking, b -> b.get("rescheduleCount").asInt() == 1);
        assertThat(view.get("status").asText()).isEqualTo("REQUESTED");
        // the mentor hears of it; no calendar entry exists yet
        assertThat(awaitMail(mentor.email(), "Session moved to").calendar()).isNull();
        assertThat(bookings().accept(mentor.token(), booking).status()).isEqualTo(200);
        assertThat(awaitMail(student.email(), "Session confirmed").calendar()).contains("SEQUENCE:0",
                "DTSTART:" + BookingRequestsIT.ics(first.plus(Duration.ofHours(1))));
    }

    /** Every move is news to the other party, even a move back to a time the request had before. */
    @Test
    void aRequestMovedBackAndForthTellsTheMentorEveryTime() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant a = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        Instant b = a.plus(Duration.ofHours(1));
        UUID booking = bookings().book(student, mentor, a);

        for (Instant to : List.of(b, a, b)) {
            assertThat(bookings().reschedule(student.token(), booking, to).status()).isEqualTo(200);
        }

        JsonNode view = bookings().awaitBooking(student.token(), booking, v -> v.get("rescheduleCount").asInt() == 3);
        assertThat(Instant.parse(view.get("start").asText())).isEqualTo(b);
        await("three notices of a move").atMost(BookingApi.WAIT).until(() ->
                mails(mentor.email(), "Session moved to").size() >= 3);
        mailbox().assertNothingNewTo(mentor.email(), mailbox().count(mentor.email()), Duration.ofSeconds(2));
        assertThat(mails(mentor.email(), "Session moved to")).hasSize(3);
    }

    @Test
    void aSessionCannotMoveOntoTakenTimeNorWithinAnHourOfItsStart() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Person other = student(admin);
        Instant mine = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        Instant theirs = mine.plus(Duration.ofHours(2));
        UUID booking = bookConfirmed(student, mentor, mine);
        bookings().book(other, mentor, theirs);

        assertProblem(bookings().reschedule(student.token(), booking, theirs), 409, "slot-unavailable");
        assertProblem(bookings().reschedule(mentor.token(), booking, theirs.plus(Duration.ofMinutes(7))), 409,
                "slot-unavailable");
        assertProblem(bookings().reschedule(student.token(), booking, mine), 422, "same-start");

        // a session starting in less than an hour stays where it is
        Instant soon = BookingApi.slot(Instant.now(), Duration.ofMinutes(30));
        UUID imminent = bookConfirmed(student, mentor, soon);
        Instant free = mine.plus(Duration.ofHours(5));
        assertProblem(bookings().reschedule(student.token(), imminent, free), 409, "reschedule-too-late");
        assertProblem(bookings().reschedule(mentor.token(), imminent, free), 409, "reschedule-too-late");

        // nothing moved: both still hold their times, the student still holds the tokens of two sessions only
        JsonNode view = bookings().awaitStatus(student.token(), booking, "CONFIRMED");
        assertThat(Instant.parse(view.get("start").asText())).isEqualTo(mine);
        assertThat(view.get("rescheduleCount").asInt()).isZero();
        assertThat(listsSlot(mentor, free)).isTrue();
        assertThat(tokens().settledAccount(admin, student.id()).get("held").asLong()).isEqualTo(4);
        assertThat(List.of(mine, theirs)).noneMatch(t -> listsSlot(mentor, t));
    }
}

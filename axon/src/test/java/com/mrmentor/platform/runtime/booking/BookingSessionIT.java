package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session itself: joining, completing (by hand or automatically 2 hours after the end), no-shows, and the
 * student's feedback afterwards.
 */
class BookingSessionIT extends BookingTestSupport {

    @Test
    void onlyTheMentorCompletesAndOnlyOnceTheSessionHasStarted() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID future = bookConfirmed(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(1)));

        assertProblem(bookings().complete(mentor.token(), future), 409, "session-not-started");
        assertProblem(bookings().join(student.token(), future), 409, "session-not-joinable");
        assertThat(bookings().complete(student.token(), future).status()).isEqualTo(403);
        assertProblem(bookings().noShow(student.token(), future), 409, "no-show-too-early");

        UUID requested = bookings().book(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(2)));
        assertProblem(bookings().complete(mentor.token(), requested), 409, "booking-not-completed");
        assertProblem(bookings().join(mentor.token(), requested), 409, "session-not-joinable");

        // a session running now: the student cannot complete it, the mentor can, once
        UUID running = bookConfirmed(student, mentor, BookingApi.slotRunningAt(Instant.now()));
        assertThat(bookings().complete(student.token(), running).status()).isEqualTo(403);
        assertThat(bookings().complete(mentor.token(), running).status()).isEqualTo(204);
        assertProblem(bookings().complete(mentor.token(), running), 409, "booking-not-completed");
        JsonNode settled = bookings().awaitSettled(student.token(), running);
        assertThat(settled.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.get("completedAutomatically").asBoolean()).isFalse();
        assertThat(settled.get("capturedTokens").asLong()).isEqualTo(2);
        assertThat(timeline(settled)).contains("COMPLETED", "SETTLED");
        assertThat(tokens().settledAccount(admin, student.id()).get("balance").asLong()).isEqualTo(8);
    }

    /** The start of a session that began 15 minutes ago (a whole minute), so it can be joined and missed. */
    private static Instant fifteenMinutesAgo() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minus(Duration.ofMinutes(15));
    }

    @Test
    void aStudentReportsAnAbsentMentorAndGetsTheTokensBack() {
        String admin = admin();
        Person student = student(admin);
        Instant start = fifteenMinutesAgo();
        Person mentor = mentorOfferingAt(admin, start);
        UUID booking = bookConfirmed(student, mentor, start);
        assertThat(bookings().join(student.token(), booking).status()).isEqualTo(200);

        assertThat(bookings().noShow(student.token(), booking).status()).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("NO_SHOW");
        assertThat(settled.get("absentParty").asText()).isEqualTo("MENTOR");
        assertThat(settled.get("releasedTokens").asLong()).isEqualTo(2);
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(10);
        assertThat(account.get("held").asLong()).isZero();
        JsonNode reliability = reliability(mentor.token(), mentor.id());
        assertThat(reliability.get("mentorNoShows").asLong()).isEqualTo(1);
        assertThat(reliability.get("studentNoShows").asLong()).isZero();
        assertThat(reliability.get("reliability").asDouble()).isZero();
        assertProblem(bookings().noShow(mentor.token(), booking), 409, "booking-not-marked-as-a-no-show");
    }

    @Test
    void aMentorReportsAnAbsentStudentAndKeepsTheTokens() {
        String admin = admin();
        Person student = student(admin);
        Instant start = fifteenMinutesAgo();
        Person mentor = mentorOfferingAt(admin, start);
        UUID booking = bookConfirmed(student, mentor, start);
        assertThat(bookings().join(mentor.token(), booking).status()).isEqualTo(200);

        assertThat(bookings().noShow(mentor.token(), booking).status()).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("NO_SHOW");
        assertThat(settled.get("absentParty").asText()).isEqualTo("STUDENT");
        assertThat(settled.get("capturedTokens").asLong()).isEqualTo(2);
        assertThat(tokens().settledAccount(admin, student.id()).get("balance").asLong()).isEqualTo(8);
        awaitLedgerLines(admin, student.id(), "CAPTURE", 1);
        JsonNode reliability = reliability(mentor.token(), mentor.id());
        assertThat(reliability.get("studentNoShows").asLong()).isEqualTo(1);
        assertThat(reliability.get("mentorNoShows").asLong()).isZero();
    }

    @Test
    void aJoinedPartyCannotBeReportedAbsent() {
        String admin = admin();
        Person student = student(admin);
        Instant start = fifteenMinutesAgo();
        Person mentor = mentorOfferingAt(admin, start);
        UUID booking = bookConfirmed(student, mentor, start);
        assertThat(bookings().join(mentor.token(), booking).status()).isEqualTo(200);
        assertThat(bookings().join(student.token(), booking).status()).isEqualTo(200);

        assertProblem(bookings().noShow(mentor.token(), booking), 409, "party-joined");
        assertProblem(bookings().noShow(student.token(), booking), 409, "party-joined");

        JsonNode view = bookings().awaitBooking(student.token(), booking,
                b -> !b.get("studentJoinedAt").isNull() && !b.get("mentorJoinedAt").isNull());
        assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(timeline(view)).containsSubsequence("CONFIRMED", "JOINED", "JOINED");
    }

    /**
     * Booked and accepted with the clock moved back, for a session that ended 2 hours ago give or take a minute:
     * its auto-completion falls due a few seconds from now.
     */
    @Test
    void aConfirmedSessionNobodyCompletedIsCompletedTwoHoursAfterItsEndAndSettled() {
        String admin = admin();
        Person student = student(admin);
        Instant start = minuteAfter(Duration.ofSeconds(4)).minus(Duration.ofMinutes(150));
        Person mentor = mentorOfferingAt(admin, start);
        UUID booking = bookConfirmed(student, mentor, start);
        JsonNode confirmed = bookings().awaitStatus(student.token(), booking, "CONFIRMED");
        assertThat(confirmed.get("settledAt").isNull()).isTrue();

        JsonNode settled = awaitBooking(student.token(), booking, b -> !b.get("settledAt").isNull(),
                Duration.between(Instant.now(), start.plus(Duration.ofMinutes(150))).plus(BookingApi.WAIT));

        assertThat(settled.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.get("completedAutomatically").asBoolean()).isTrue();
        assertThat(Instant.parse(settled.get("endedAt").asText()))
                .isAfterOrEqualTo(start.plus(Duration.ofMinutes(150)));
        assertThat(settled.get("capturedTokens").asLong()).isEqualTo(2);
        assertThat(timeline(settled)).contains("AUTO_COMPLETED", "SETTLED");
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(8);
        assertThat(account.get("held").asLong()).isZero();
        awaitLedgerLines(admin, student.id(), "CAPTURE", 1);
        awaitMail(student.email(), "How was your session?");
    }

    @Test
    void feedbackIsGivenOnceOnACompletedSessionWithinFourteenDays() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID confirmed = bookConfirmed(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(1)));
        assertProblem(bookings().feedback(student.token(), confirmed, 5), 409, "booking-not-rated");

        // completed 15 days ago
        Instant longAgo = BookingApi.slot(Instant.now().minus(Duration.ofDays(15)), Duration.ZERO);
        clock.travelTo(longAgo.minus(NOTICE));
        UUID old = bookings().book(student, mentor, longAgo);
        assertThat(bookings().accept(mentor.token(), old).status()).isEqualTo(200);
        clock.travelTo(longAgo.plus(Duration.ofMinutes(20)));
        assertThat(bookings().complete(mentor.token(), old).status()).isEqualTo(204);
        clock.reset();
        bookings().awaitStatus(student.token(), old, "COMPLETED");
        assertProblem(bookings().feedback(student.token(), old, 5), 409, "feedback-window-closed");

        // completed just now: rated once, by its student only, with 1 to 5 stars
        UUID recent = bookConfirmed(student, mentor, BookingApi.slotRunningAt(Instant.now()));
        assertThat(bookings().complete(mentor.token(), recent).status()).isEqualTo(204);
        assertThat(bookings().feedback(mentor.token(), recent, 5).status()).isEqualTo(403);
        assertProblem(bookings().feedback(student.token(), recent, 0), 400, "validation");
        assertProblem(bookings().feedback(student.token(), recent, 6), 400, "validation");
        assertThat(bookings().feedback(student.token(), recent, 4).status()).isEqualTo(201);
        assertProblem(bookings().feedback(student.token(), recent, 5), 409, "already-rated");
        JsonNode rated = bookings().awaitBooking(student.token(), recent, b -> b.get("rated").asBoolean());
        assertThat(rated.get("feedback").get("stars").asInt()).isEqualTo(4);
        assertThat(rated.get("feedback").get("comment").asText()).isEqualTo("Clear and practical");
        assertThat(bookings().awaitStatus(student.token(), old, "COMPLETED").get("rated").asBoolean()).isFalse();
    }
}

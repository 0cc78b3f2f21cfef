package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.TestMailbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who pays when plans change: a student cancelling a confirmed session 48 hours or more ahead, or a request not yet
 * accepted, gets the tokens back; later, the mentor keeps them. A mentor's cancellation never costs the student and
 * counts against the mentor's reliability. A confirmed session's calendar entry is withdrawn (METHOD:CANCEL).
 */
class BookingCancellationIT extends BookingTestSupport {

    @Test
    void aStudentCancellingAConfirmedSession48HoursAheadGetsTheTokensBackAndBothCalendarsDropIt() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(3));
        UUID booking = bookConfirmed(student, mentor, start);
        awaitMail(student.email(), "Session confirmed");

        Response cancelled = bookings().cancel(student.token(), booking, "Exam moved to that day");
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(settled.get("cancelledBy").asText()).isEqualTo("STUDENT");
        assertThat(settled.get("lateCancellation").asBoolean()).isFalse();
        assertThat(settled.get("releasedTokens").asLong()).isEqualTo(2);
        assertThat(timeline(settled)).contains("CANCELLED").doesNotContain("CANCELLED_LATE");
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(10);
        assertThat(account.get("held").asLong()).isZero();
        awaitLedgerLines(admin, student.id(), "RELEASED", 1);
        for (Person party : new Person[]{student, mentor}) {
            TestMailbox.Mail mail = awaitMail(party.email(), "Session cancelled");
            assertThat(mail.calendar()).contains("METHOD:CANCEL", "UID:" + booking + "@mentor-platform",
                    "SEQUENCE:1", "STATUS:CANCELLED");
            assertThat(mail.calendarContentType()).contains("text/calendar").containsIgnoringCase("method=CANCEL");
        }
        await("the slot free again").atMost(BookingApi.WAIT).until(() -> listsSlot(mentor, start));
    }

    @Test
    void aStudentCancellingAConfirmedSessionLessThan48HoursAheadPaysForIt() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID booking = bookConfirmed(student, mentor, BookingApi.slot(Instant.now(), Duration.ofHours(20)));

        assertThat(bookings().cancel(student.token(), booking, "Something came up").status()).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(settled.get("lateCancellation").asBoolean()).isTrue();
        assertThat(settled.get("tokenOutcome").asText()).isEqualTo("CAPTURE");
        assertThat(settled.get("capturedTokens").asLong()).isEqualTo(2);
        assertThat(timeline(settled)).contains("CANCELLED_LATE");
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(8);
        assertThat(account.get("held").asLong()).isZero();
        awaitLedgerLines(admin, student.id(), "CAPTURE", 1);
        assertThat(reliability(mentor.token(), mentor.id()).get("lateCancellationsByStudent").asLong()).isEqualTo(1);
    }

    @Test
    void aStudentWithdrawingARequestTheMentorHasNotAcceptedPaysNothingEvenShortlyBefore() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID booking = bookings().book(student, mentor, BookingApi.slot(Instant.now(), Duration.ofHours(20)));

        assertThat(bookings().cancel(student.token(), booking, "Changed my mind").status()).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(settled.get("lateCancellation").asBoolean()).isFalse();
        assertThat(settled.get("releasedTokens").asLong()).isEqualTo(2);
        assertThat(tokens().settledAccount(admin, student.id()).get("balance").asLong()).isEqualTo(10);
        // nothing was in anyone's calendar yet: the cancellation notice carries no calendar entry
        TestMailbox.Mail mail = awaitMail(mentor.email(), "Session cancelled");
        assertThat(mail.calendar()).isNull();
    }

    @Test
    void aMentorCancellingShortlyBeforeReleasesTheTokensAndLosesReliability() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID booking = bookConfirmed(student, mentor, BookingApi.slot(Instant.now(), Duration.ofHours(20)));

        assertThat(bookings().cancel(mentor.token(), booking, "Sick").status()).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("cancelledBy").asText()).isEqualTo("MENTOR");
        assertThat(settled.get("lateCancellation").asBoolean()).isFalse();
        assertThat(settled.get("releasedTokens").asLong()).isEqualTo(2);
        assertThat(tokens().settledAccount(admin, student.id()).get("balance").asLong()).isEqualTo(10);
        JsonNode reliability = reliability(mentor.token(), mentor.id());
        assertThat(reliability.get("confirmed").asLong()).isEqualTo(1);
        assertThat(reliability.get("cancelledByMentor").asLong()).isEqualTo(1);
        assertThat(reliability.get("cancelledByStudent").asLong()).isZero();
        assertThat(reliability.get("reliability").asDouble()).isZero();
        assertThat(reliability(admin, mentor.id()).get("cancelledByMentor").asLong()).isEqualTo(1);
        assertThat(api().get("/api/mentors/" + mentor.id() + "/reliability", student.token()).status())
                .isEqualTo(404);
        for (Person party : new Person[]{student, mentor}) {
            assertThat(awaitMail(party.email(), "Session cancelled").calendar()).contains("METHOD:CANCEL",
                    "SEQUENCE:1");
        }
    }

    @Test
    void aBookingIsCancelledOnceAndNeverAfterItsStart() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID booking = bookings().book(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(2)));
        assertThat(bookings().cancel(student.token(), booking, "First").status()).isEqualTo(204);
        assertProblem(bookings().cancel(student.token(), booking, "Again"), 409, "booking-not-cancelled");
        assertProblem(bookings().cancel(mentor.token(), booking, "Me too"), 409, "booking-not-cancelled");

        // a session that started a few minutes ago
        UUID running = bookConfirmed(student, mentor, BookingApi.slotRunningAt(Instant.now()));
        assertProblem(bookings().cancel(student.token(), running, "Too late"), 409, "session-started");
        assertProblem(bookings().cancel(mentor.token(), running, "Too late"), 409, "session-started");
        assertProblem(bookings().cancel(student.token(), running, " "), 400, "validation");
        assertThat(bookings().awaitStatus(student.token(), running, "CONFIRMED").get("status").asText())
                .isEqualTo("CONFIRMED");
    }
}

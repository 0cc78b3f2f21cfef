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

/** A request and the mentor's answer: paying for it, declining, accepting with invitations, and silence (expiry). */
class BookingRequestsIT extends BookingTestSupport {

    @Test
    void aStudentWhoCannotPayIsRefusedAndNothingIsHeldOrBooked() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person poor = bookings().newStudentWithTokens("poor-student", admin, 1);
        Person walletless = bookings().newStudent("walletless-student");
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));

        Response tooPoor = bookings().request(poor.token(), mentor.id(), start, "Career advice");
        assertProblem(tooPoor, 409, "insufficient-tokens");
        Response noWallet = bookings().request(walletless.token(), mentor.id(), start, "Career advice");
        assertProblem(noWallet, 409, "insufficient-tokens");

        JsonNode account = tokens().settledAccount(admin, poor.id());
        assertThat(account.get("balance").asLong()).isEqualTo(1);
        assertThat(account.get("held").asLong()).isZero();
        assertThat(tokens().eventTypes(admin, poor.id())).doesNotContain("TokensHeld");
        // the slot was not taken by the refused requests: someone who can pay books it
        Person payer = student(admin);
        UUID booking = bookings().book(payer, mentor, start);
        bookings().awaitStatus(payer.token(), booking, "REQUESTED");
        assertThat(api().get("/api/admin/bookings?mentorId=" + mentor.id(), admin).body().get("total").asLong())
                .isEqualTo(1);
        for (Person refused : new Person[]{poor, walletless}) {
            assertThat(api().get("/api/bookings", refused.token()).body().get("total").asLong()).isZero();
        }
    }

    @Test
    void aDeclinedRequestGivesTheTokensBackAndTellsTheStudentWhy() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        UUID booking = bookings().book(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(2)));
        assertThat(tokens().settledAccount(admin, student.id()).get("held").asLong()).isEqualTo(2);
        awaitMail(mentor.email(), "New session request");

        Response declined = bookings().decline(mentor.token(), booking, "I am travelling that week");
        assertThat(declined.status()).as("%s", declined).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("DECLINED");
        assertThat(settled.get("releasedTokens").asLong()).isEqualTo(2);
        assertThat(settled.get("capturedTokens").asLong()).isZero();
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("held").asLong()).isZero();
        assertThat(account.get("balance").asLong()).isEqualTo(10);
        awaitLedgerLines(admin, student.id(), "HOLD", 1);
        awaitLedgerLines(admin, student.id(), "RELEASED", 1);
        TestMailbox.Mail mail = awaitMail(student.email(), "Your session request was declined");
        assertThat(mail.body()).contains("I am travelling that week", booking.toString());
        assertProblem(bookings().accept(mentor.token(), booking), 409, "booking-not-accepted");
    }

    @Test
    void anAcceptedRequestIsConfirmedWithAMeetingLinkAndInvitationsToBoth() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(3));
        UUID booking = bookings().book(student, mentor, start);

        Response accepted = bookings().accept(mentor.token(), booking);

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.body().get("status").asText()).isEqualTo("CONFIRMED");
        String link = accepted.body().get("meetingUrl").asText();
        assertThat(link).startsWith("https://meet.mentor.local/room/");
        JsonNode confirmed = bookings().awaitStatus(student.token(), booking, "CONFIRMED");
        assertThat(confirmed.get("meetingUrl").asText()).isEqualTo(link);
        assertThat(Instant.parse(confirmed.get("start").asText())).isEqualTo(start);
        for (Person party : new Person[]{student, mentor}) {
            TestMailbox.Mail invitation = awaitMail(party.email(), "Session confirmed");
            assertThat(invitation.body()).contains(link);
            assertThat(invitation.calendar()).contains("METHOD:REQUEST", "UID:" + booking + "@mentor-platform",
                    "SEQUENCE:0", "DTSTART:" + ics(start), "DTEND:" + ics(start.plus(Duration.ofMinutes(30))),
                    link);
            assertThat(invitation.calendarContentType()).contains("text/calendar").containsIgnoringCase(
                    "method=REQUEST");
        }
        // the held tokens stay held until the session is over
        assertThat(tokens().settledAccount(admin, student.id()).get("held").asLong()).isEqualTo(2);
        assertProblem(bookings().accept(mentor.token(), booking), 409, "booking-not-accepted");
    }

    /** Requested 48 hours ago (clock moved back) with no answer: the request expires a few seconds from now. */
    @Test
    void aRequestUnansweredFor48HoursExpiresReleasesTheTokensAndCannotBeAcceptedAnyMore() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        clock.travelTo(Instant.now().minus(Duration.ofHours(48)).plus(Duration.ofSeconds(3)));
        UUID booking = bookings().book(student, mentor, start);
        clock.reset();
        JsonNode requested = bookings().awaitStatus(student.token(), booking, "REQUESTED");
        Instant respondBy = Instant.parse(requested.get("respondBy").asText());
        assertThat(respondBy).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));

        JsonNode settled = bookings().awaitSettled(student.token(), booking);

        assertThat(settled.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(settled.get("releasedTokens").asLong()).isEqualTo(2);
        assertThat(timeline(settled)).contains("REQUESTED", "EXPIRED", "SETTLED");
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("held").asLong()).isZero();
        assertThat(account.get("balance").asLong()).isEqualTo(10);
        awaitLedgerLines(admin, student.id(), "RELEASED", 1);
        awaitMail(student.email(), "Session request expired");
        awaitMail(mentor.email(), "Session request expired");
        assertProblem(bookings().accept(mentor.token(), booking), 409, "booking-not-accepted");
        await("the slot free again").atMost(BookingApi.WAIT).until(() -> listsSlot(mentor, start));
    }

    static String ics(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }
}

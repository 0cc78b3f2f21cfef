package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TestMailbox;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A booking's whole life over HTTP: request, accept with invitations, join, complete, settlement, feedback. */
class BookingLifecycleIT extends IntegrationTest {

    private BookingApi bookings() {
        return new BookingApi(api(), identity());
    }

    @Test
    void aSessionIsRequestedAcceptedHeldCompletedSettledAndRated() {
        String admin = admin();
        Person mentor = bookings().newMentor("mentor", admin, "Europe/Berlin", 0);
        Person student = bookings().newStudentWithTokens("student", admin, 10);
        TokenApi tokens = new TokenApi(api());

        // booked 13 hours ago for the session running now
        Instant now = Instant.now();
        Instant start = BookingApi.slotRunningAt(now);
        clock.travelTo(now.minus(Duration.ofHours(13)));
        UUID booking = bookings().book(student, mentor, start);
        JsonNode requested = bookings().awaitStatus(student.token(), booking, "REQUESTED");
        assertThat(requested.get("priceTokens").asLong()).isEqualTo(2);
        assertThat(tokens.settledAccount(admin, student.id()).get("held").asLong()).isEqualTo(2);
        BookingApi.awaitMail(mailbox(), mentor.email(), "New session request");

        Response accepted = bookings().accept(mentor.token(), booking);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        String link = accepted.body().get("meetingUrl").asText();
        assertThat(link).startsWith("https://meet.mentor.local/room/");
        TestMailbox.Mail invitation = BookingApi.awaitMail(mailbox(), student.email(), "Session confirmed");
        assertThat(invitation.body()).contains(link);
        assertThat(invitation.calendar()).contains("UID:" + booking + "@mentor-platform", "SEQUENCE:0",
                "METHOD:REQUEST");
        clock.reset();

        assertThat(bookings().join(student.token(), booking).status()).isEqualTo(200);
        assertThat(bookings().join(mentor.token(), booking).body().get("meetingUrl").asText()).isEqualTo(link);
        Response completed = bookings().complete(mentor.token(), booking);
        assertThat(completed.status()).as("%s", completed).isEqualTo(204);

        JsonNode settled = bookings().awaitSettled(student.token(), booking);
        assertThat(settled.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.get("capturedTokens").asLong()).isEqualTo(2);
        JsonNode account = tokens.settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(8);
        assertThat(account.get("held").asLong()).isZero();

        assertThat(bookings().feedback(student.token(), booking, 5).status()).isEqualTo(201);
        assertThat(bookings().feedback(student.token(), booking, 4).status()).isEqualTo(409);
    }
}

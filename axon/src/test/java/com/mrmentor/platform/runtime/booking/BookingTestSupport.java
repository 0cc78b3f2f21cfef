package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.MentorApi;
import com.mrmentor.platform.runtime.support.TestMailbox;
import com.mrmentor.platform.runtime.support.TokenApi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps shared by the booking integration tests: people, bookings made "some time ago" with the platform clock moved
 * back (the minimum notice is 12 hours), slots at an exact minute (so that a deadline falls due a few seconds from
 * now in real time), and the assertions on problems, holds and mails that they repeat.
 */
abstract class BookingTestSupport extends IntegrationTest {

    /** The platform's minimum notice (platform.mentorship.min-notice) plus a margin. */
    static final Duration NOTICE = Duration.ofHours(13);

    BookingApi bookings() {
        return new BookingApi(api(), identity());
    }

    TokenApi tokens() {
        return new TokenApi(api());
    }

    MentorApi mentors() {
        return new MentorApi(api());
    }

    Person mentor(String admin) {
        return bookings().newMentor("mentor", admin, "Europe/Berlin", 0);
    }

    Person student(String admin) {
        return bookings().newStudentWithTokens("student", admin, 10);
    }

    /**
     * A mentor available around the clock (half-hour slots) who also offers one session starting exactly at
     * {@code start}, whatever minute that is: the date of {@code start} gets a single 30-minute window.
     */
    Person mentorOfferingAt(String admin, Instant start) {
        String zone = zoneAwayFromMidnight(start);
        Person mentor = bookings().newMentor("mentor", admin, zone, 0);
        offerAt(mentor, zone, start);
        return mentor;
    }

    /** A zone where the wall clock reads between 02:00 and 21:00 at {@code around}. */
    static String zoneAwayFromMidnight(Instant around) {
        return List.of("Europe/Berlin", "Asia/Tokyo", "America/New_York").stream()
                .filter(z -> {
                    LocalTime local = around.atZone(ZoneId.of(z)).toLocalTime();
                    return local.isAfter(LocalTime.of(2, 0)) && local.isBefore(LocalTime.of(21, 0));
                })
                .findFirst().orElseThrow();
    }

    /** Gives the date of {@code start} (in the mentor's {@code zone}) a single window: the session at {@code start}. */
    void offerAt(Person mentor, String zone, Instant start) {
        ZonedDateTime local = start.atZone(ZoneId.of(zone));
        Response set = mentors().setDate(mentor.token(), local.toLocalDate(), List.of(MentorApi.window(
                local.toLocalTime().toString(), local.toLocalTime().plusMinutes(30).toString())));
        assertThat(set.status()).as("date window: %s", set).isEqualTo(204);
    }

    /** The first whole minute at least {@code margin} after now (real time). */
    static Instant minuteAfter(Duration margin) {
        Instant at = Instant.now().plus(margin);
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(at) ? minute : minute.plus(Duration.ofMinutes(1));
    }

    /** Books {@code start}; if it is too near for the notice rule, with the clock moved back 13 hours before it. */
    UUID book(Person student, Person mentor, Instant start) {
        boolean travel = start.isBefore(Instant.now().plus(NOTICE));
        if (travel) {
            clock.travelTo(start.minus(NOTICE));
        }
        try {
            return bookings().book(student, mentor, start);
        } finally {
            if (travel) {
                clock.reset();
            }
        }
    }

    /** Books and accepts {@code start} (moving the clock back if needed); the clock is real time afterwards. */
    UUID bookConfirmed(Person student, Person mentor, Instant start) {
        boolean travel = start.isBefore(Instant.now().plus(NOTICE));
        if (travel) {
            clock.travelTo(start.minus(NOTICE));
        }
        try {
            UUID booking = bookings().book(student, mentor, start);
            Response accepted = bookings().accept(mentor.token(), booking);
            assertThat(accepted.status()).as("accept: %s", accepted).isEqualTo(200);
            return booking;
        } finally {
            if (travel) {
                clock.reset();
            }
        }
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("%s", response).startsWith("application/problem+json");
        assertThat(response.problemType()).as("%s", response).endsWith("/" + type);
    }

    /** The ledger lines of {@code type} (HOLD, CAPTURE, RELEASE…) of a user. */
    List<JsonNode> ledgerLines(String admin, UUID user, String type) {
        return tokens().ledger(admin, user).stream().filter(line -> type.equals(line.get("type").asText())).toList();
    }

    /**
     * The ledger lines of {@code type} once there are {@code count} of them (the ledger is a read model of its own),
     * checking that no more follow.
     */
    List<JsonNode> awaitLedgerLines(String admin, UUID user, String type, int count) {
        org.awaitility.Awaitility.await("ledger " + type + " x" + count).atMost(BookingApi.WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ledgerLines(admin, user, type).size() >= count);
        tokens().settledAccount(admin, user);
        List<JsonNode> lines = ledgerLines(admin, user, type);
        assertThat(lines).as("ledger %s lines", type).hasSize(count);
        return lines;
    }

    /** Mails to {@code email} with a subject starting with {@code prefix}. */
    List<TestMailbox.Mail> mails(String email, String prefix) {
        return BookingApi.mails(mailbox(), email, prefix);
    }

    TestMailbox.Mail awaitMail(String email, String prefix) {
        return BookingApi.awaitMail(mailbox(), email, prefix);
    }

    JsonNode reliability(String token, UUID mentorId) {
        Response response = api().get("/api/mentors/" + mentorId + "/reliability", token);
        assertThat(response.status()).as("reliability: %s", response).isEqualTo(200);
        return response.body();
    }

    /** The timeline entry types of a booking view, in order. */
    static List<String> timeline(JsonNode booking) {
        return TokenApi.list(booking.get("timeline")).stream().map(entry -> entry.get("type").asText()).toList();
    }

    /** The booking once {@code condition} holds, waiting up to {@code timeout} (for deadlines due later). */
    JsonNode awaitBooking(String token, UUID bookingId, java.util.function.Predicate<JsonNode> condition,
                          Duration timeout) {
        JsonNode[] seen = new JsonNode[1];
        org.awaitility.Awaitility.await("booking " + bookingId).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Response response = bookings().booking(token, bookingId);
                    seen[0] = response.body();
                    return response.status() == 200 && condition.test(response.body());
                });
        return seen[0];
    }

    /** Whether the mentor's free slots (as anyone sees them) include {@code start}. */
    boolean listsSlot(Person mentor, Instant start) {
        return mentors().slotStarts(null, mentor.id(), start.minus(Duration.ofHours(3)), start.plus(Duration.ofHours(3)))
                .contains(start);
    }
}

package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may do and see what with a booking, and what bad input gets. */
class BookingAccessIT extends BookingTestSupport {

    @Test
    void onlyTheBookingsMentorAnswersAndNobodyBooksThemselves() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person otherMentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        UUID booking = bookings().book(student, mentor, start);

        assertThat(bookings().accept(student.token(), booking).status()).isEqualTo(403);
        assertThat(bookings().decline(student.token(), booking, "No").status()).isEqualTo(403);
        assertProblem(bookings().accept(otherMentor.token(), booking), 403, "not-your-booking");
        assertProblem(bookings().decline(otherMentor.token(), booking, "No"), 403, "not-your-booking");
        assertProblem(bookings().request(mentor.token(), mentor.id(), start.plus(Duration.ofHours(1)), "Myself"),
                403, "own-slot");
        assertThat(bookings().accept(mentor.token(), booking).status()).isEqualTo(200);
    }

    @Test
    void aStrangerNeitherSeesNorChangesSomeoneElsesBooking() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Person stranger = student(admin);
        Person strangerMentor = mentor(admin);
        UUID booking = bookConfirmed(student, mentor, BookingApi.slotRunningAt(Instant.now()));
        bookings().awaitStatus(student.token(), booking, "CONFIRMED");

        assertThat(bookings().booking(stranger.token(), booking).status()).isEqualTo(404);
        assertThat(bookings().booking(strangerMentor.token(), booking).status()).isEqualTo(404);
        assertThat(bookings().booking(mentor.token(), booking).status()).isEqualTo(200);
        assertThat(bookings().booking(auditor(), booking).status()).isEqualTo(200);
        assertProblem(bookings().cancel(stranger.token(), booking, "Mine now"), 403, "not-your-booking");
        assertProblem(bookings().reschedule(stranger.token(), booking,
                BookingApi.slot(Instant.now(), Duration.ofDays(2))), 403, "not-your-booking");
        assertProblem(bookings().join(stranger.token(), booking), 403, "not-your-booking");
        assertProblem(bookings().noShow(stranger.token(), booking), 403, "not-your-booking");
        assertProblem(bookings().complete(strangerMentor.token(), booking), 403, "not-your-booking");
        assertThat(bookings().complete(mentor.token(), booking).status()).isEqualTo(204);
        bookings().awaitStatus(student.token(), booking, "COMPLETED");
        assertProblem(bookings().feedback(stranger.token(), booking, 1), 403, "not-your-booking");
        assertThat(bookings().feedback(student.token(), booking, 5).status()).isEqualTo(201);
        JsonNode rated = bookings().awaitBooking(student.token(), booking, b -> b.get("rated").asBoolean());
        assertThat(rated.get("feedback").get("stars").asInt()).isEqualTo(5);
    }

    @Test
    void everyoneListsTheirOwnBookingsAndOverseersListAllWithFilters() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person alice = student(admin);
        Person bob = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        UUID alices = bookings().book(alice, mentor, start);
        UUID bobs = bookings().book(bob, mentor, start.plus(Duration.ofHours(1)));
        assertThat(bookings().accept(mentor.token(), bobs).status()).isEqualTo(200);
        bookings().awaitStatus(bob.token(), bobs, "CONFIRMED");
        bookings().awaitStatus(alice.token(), alices, "REQUESTED");

        assertThat(ids(api().get("/api/bookings", alice.token()))).containsExactly(alices);
        assertThat(ids(api().get("/api/bookings", bob.token()))).containsExactly(bobs);
        assertThat(ids(api().get("/api/bookings?as=mentor&when=upcoming", mentor.token())))
                .containsExactly(alices, bobs);
        assertThat(ids(api().get("/api/bookings?as=student", mentor.token()))).isEmpty();
        assertThat(ids(api().get("/api/bookings?status=CONFIRMED", mentor.token()))).containsExactly(bobs);

        assertThat(ids(api().get("/api/admin/bookings?mentorId=" + mentor.id(), admin)))
                .containsExactlyInAnyOrder(alices, bobs);
        assertThat(ids(api().get("/api/admin/bookings?mentorId=" + mentor.id() + "&status=REQUESTED", admin)))
                .containsExactly(alices);
        assertThat(ids(api().get("/api/admin/bookings?studentId=" + bob.id(), auditor()))).containsExactly(bobs);
        assertThat(api().get("/api/admin/bookings", alice.token()).status()).isEqualTo(403);
        assertThat(api().get("/api/admin/bookings", mentor.token()).status()).isEqualTo(403);
        assertThat(api().get("/api/admin/bookings?status=NOPE", admin).status()).isEqualTo(400);
    }

    @Test
    void aMentorsNotesAreTheirsAlone() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person otherMentor = mentor(admin);
        Person student = student(admin);
        UUID booking = bookings().book(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(2)));

        Response kept = bookings().note(mentor.token(), booking, "Wants to move into platform engineering");
        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        assertThat(bookings().note(student.token(), booking, "Student's own note").status()).isEqualTo(403);
        assertProblem(bookings().note(otherMentor.token(), booking, "Not mine"), 403, "not-your-booking");

        await("the note").atMost(BookingApi.WAIT).until(() ->
                api().get("/api/bookings/" + booking + "/notes", mentor.token()).body().size() == 1);
        JsonNode notes = api().get("/api/bookings/" + booking + "/notes", mentor.token()).body();
        assertThat(notes.get(0).get("text").asText()).isEqualTo("Wants to move into platform engineering");
        for (String reader : List.of(student.token(), otherMentor.token(), admin)) {
            assertThat(api().get("/api/bookings/" + booking + "/notes", reader).status()).isEqualTo(404);
        }
        assertThat(bookings().booking(student.token(), booking).rawBody())
                .doesNotContain("platform engineering");
    }

    @Test
    void badInputGetsAClearProblemAndBooksNothing() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));

        assertProblem(api().postRaw("/api/bookings", student.token(), "{\"mentorId\": "), 400, "malformed-request");
        Response noTopic = api().post("/api/bookings", student.token(),
                json("mentorId", mentor.id(), "start", start.toString()));
        assertProblem(noTopic, 400, "validation");
        assertThat(noTopic.body().get("errors").toString()).contains("topic");
        Response blankTopic = bookings().request(student.token(), mentor.id(), start, "  ");
        assertProblem(blankTopic, 400, "validation");
        Response badStart = api().post("/api/bookings", student.token(),
                json("mentorId", mentor.id(), "start", "tomorrow at nine", "topic", "Java"));
        assertProblem(badStart, 400, "validation");
        assertThat(badStart.body().get("errors").toString()).contains("start");
        assertThat(bookings().request(student.token(), UUID.randomUUID(), start, "Java").status()).isEqualTo(404);
        UUID notAMentor = bookings().newStudent("not-a-mentor").id();
        assertProblem(bookings().request(student.token(), notAMentor, start, "Java"), 404, "not-a-mentor");
        assertProblem(bookings().request(student.token(), mentor.id(), start.plus(Duration.ofMinutes(10)), "Java"),
                409, "slot-unavailable");
        assertThat(bookings().request(student.token(), mentor.id(), Instant.now().plus(Duration.ofHours(1)),
                "Java").status()).isEqualTo(422);
        assertThat(bookings().request(student.token(), mentor.id(), Instant.now().plus(Duration.ofDays(40)),
                "Java").status()).isEqualTo(422);

        UUID unknown = UUID.randomUUID();
        assertThat(bookings().booking(student.token(), unknown).status()).isEqualTo(404);
        assertThat(bookings().accept(mentor.token(), unknown).status()).isEqualTo(404);
        assertThat(bookings().cancel(student.token(), unknown, "Why").status()).isEqualTo(404);
        assertThat(api().get("/api/bookings/not-a-uuid", student.token()).status()).isEqualTo(400);

        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("held").asLong()).isZero();
        assertThat(tokens().eventTypes(admin, student.id())).doesNotContain("TokensHeld");
        assertThat(listsSlot(mentor, start)).isTrue();
    }

    @Test
    void aRequestRetriedWithItsIdempotencyKeyGetsTheSameAnswerAndBooksOnce() {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));
        Map<String, Object> body = json("mentorId", mentor.id(), "start", start.toString(), "topic", "Kafka");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response first = api().post("/api/bookings", student.token(), body, key);
        Response retry = api().post("/api/bookings", student.token(), body, key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.rawBody()).isEqualTo(first.rawBody());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        UUID booking = UUID.fromString(first.body().get("bookingId").asText());
        bookings().awaitStatus(student.token(), booking, "REQUESTED");
        assertThat(ids(api().get("/api/bookings", student.token()))).containsExactly(booking);
        assertThat(tokens().eventTypes(admin, student.id())).filteredOn("TokensHeld"::equals).hasSize(1);
        assertThat(tokens().settledAccount(admin, student.id()).get("held").asLong()).isEqualTo(2);
        // the same request under a new key is a new request, for a time that is now taken
        assertProblem(api().post("/api/bookings", student.token(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 409, "slot-unavailable");

        Map<String, String> cancelKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> reason = json("reason", "Double-booked myself");
        String path = "/api/bookings/" + booking + "/cancel";
        assertThat(api().post(path, student.token(), reason, cancelKey).status()).isEqualTo(204);
        Response cancelRetry = api().post(path, student.token(), reason, cancelKey);
        assertThat(cancelRetry.status()).as("%s", cancelRetry).isEqualTo(204);
        assertThat(cancelRetry.header("Idempotency-Replayed")).isEqualTo("true");
    }

    private static List<UUID> ids(Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return TokenApi.list(page.body().get("items")).stream()
                .map(item -> UUID.fromString(item.get("bookingId").asText())).toList();
    }
}

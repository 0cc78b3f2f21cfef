package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking routes as test steps, and the people they need: a mentor available around the clock, a student with
 * tokens. Booking reads are kept by a tracking processor, so {@code await...} steps poll until they show a change.
 */
public final class BookingApi {

    /** How long read models, the saga and the outbox may take. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ApiClient api;
    private final IdentityApi identity;

    public BookingApi(ApiClient api, IdentityApi identity) {
        this.api = api;
        this.identity = identity;
    }

    /** A person with an e-mail address the test mailbox receives for. */
    public record Person(UUID id, String email, String token) {
    }

    /** A new verified user with the STUDENT role. */
    public Person newStudent(String who) {
        String email = IdentityApi.newEmail(who);
        UUID id = identity.signUpAndVerify(email, IdentityApi.PASSWORD, "Student " + who);
        return new Person(id, email, identity.login(email, IdentityApi.PASSWORD).accessToken());
    }

    /** A new student holding {@code tokens} paid tokens. */
    public Person newStudentWithTokens(String who, String adminToken, long tokens) {
        Person student = newStudent(who);
        new TokenApi(api).grant(adminToken, student.id(), tokens, "PAID");
        return student;
    }

    /**
     * A new active mentor in {@code timeZone}, price 2 tokens, available every day around the clock (every half hour
     * is a slot) with {@code bufferMinutes} after each session.
     */
    public Person newMentor(String who, String adminToken, String timeZone, int bufferMinutes) {
        Person person = newStudent(who);
        MentorApi mentors = new MentorApi(api);
        mentors.apply(person.token(), timeZone);
        assertThat(mentors.approve(adminToken, person.id()).status()).isEqualTo(204);
        await("the MENTOR role").atMost(WAIT).until(() ->
                api.put("/api/mentors/me/availability", person.token(),
                        json("windows", MentorApi.everyDay("00:00", "00:00"), "bufferMinutes", bufferMinutes))
                        .status() == 204);
        return person;
    }

    /** The start of a half-hour slot about {@code fromNow} from {@code now} (rounded up to the half hour). */
    public static Instant slot(Instant now, Duration fromNow) {
        Instant at = now.plus(fromNow);
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        Instant half = hour.plus(Duration.ofMinutes(30));
        return !at.isAfter(hour) ? hour : !at.isAfter(half) ? half : hour.plus(Duration.ofHours(1));
    }

    /** The start of the half-hour slot running at {@code at} (at or before it, less than 30 minutes before). */
    public static Instant slotRunningAt(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        Instant half = hour.plus(Duration.ofMinutes(30));
        return at.isBefore(half) ? hour : half;
    }

    // ---- commands -------------------------------------------------------------------------------------------

    public Response request(String token, UUID mentorId, Instant start, String topic) {
        return api.post("/api/bookings", token, json("mentorId", mentorId, "start", start.toString(), "topic", topic));
    }

    /** Books and expects 201; the booking's id. */
    public UUID book(Person student, Person mentor, Instant start) {
        Response response = request(student.token(), mentor.id(), start, "System design interview practice");
        assertThat(response.status()).as("book: %s", response).isEqualTo(201);
        return UUID.fromString(response.body().get("bookingId").asText());
    }

    public Response accept(String token, UUID bookingId) {
        return api.post("/api/bookings/" + bookingId + "/accept", token, null);
    }

    public Response decline(String token, UUID bookingId, String reason) {
        return api.post("/api/bookings/" + bookingId + "/decline", token, json("reason", reason));
    }

    public Response cancel(String token, UUID bookingId, String reason) {
        return api.post("/api/bookings/" + bookingId + "/cancel", token, json("reason", reason));
    }

    public Response reschedule(String token, UUID bookingId, Instant start) {
        return api.post("/api/bookings/" + bookingId + "/reschedule", token, json("start", start.toString()));
    }

    public Response join(String token, UUID bookingId) {
        return api.post("/api/bookings/" + bookingId + "/join", token, null);
    }

    public Response complete(String token, UUID bookingId) {
        return api.post("/api/bookings/" + bookingId + "/complete", token, null);
    }

    public Response noShow(String token, UUID bookingId) {
        return api.post("/api/bookings/" + bookingId + "/no-show", token, null);
    }

    public Response feedback(String token, UUID bookingId, int stars) {
        return api.post("/api/bookings/" + bookingId + "/feedback", token, json("stars", stars,
                "experience", "EXCELLENT", "mentorOnTime", true, "comment", "Clear and practical"));
    }

    public Response note(String token, UUID bookingId, String text) {
        return api.post("/api/bookings/" + bookingId + "/notes", token, json("text", text));
    }

    /** The first mail to {@code email} whose subject starts with {@code subjectPrefix}, waiting for it. */
    public static TestMailbox.Mail awaitMail(TestMailbox mailbox, String email, String subjectPrefix) {
        TestMailbox.Mail[] found = new TestMailbox.Mail[1];
        await("mail '" + subjectPrefix + "' to " + email).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    found[0] = mails(mailbox, email, subjectPrefix).stream().findFirst().orElse(null);
                    return found[0] != null;
                });
        return found[0];
    }

    /** Every mail to {@code email} whose subject starts with {@code subjectPrefix}, oldest first. */
    public static java.util.List<TestMailbox.Mail> mails(TestMailbox mailbox, String email, String subjectPrefix) {
        return mailbox.messagesTo(email).stream().filter(m -> m.subject().startsWith(subjectPrefix)).toList();
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    public Response booking(String token, UUID bookingId) {
        return api.get("/api/bookings/" + bookingId, token);
    }

    /** The booking once {@code condition} holds (read model caught up). */
    public JsonNode awaitBooking(String token, UUID bookingId, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await("booking " + bookingId).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = booking(token, bookingId);
            seen[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return seen[0];
    }

    public JsonNode awaitStatus(String token, UUID bookingId, String status) {
        return awaitBooking(token, bookingId, b -> status.equals(b.get("status").asText()));
    }

    /** The booking once its tokens are settled. */
    public JsonNode awaitSettled(String token, UUID bookingId) {
        return awaitBooking(token, bookingId, b -> !b.get("settledAt").isNull());
    }
}

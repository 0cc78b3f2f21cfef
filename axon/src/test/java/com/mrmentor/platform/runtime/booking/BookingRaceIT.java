package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.MentorApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One slot, many takers: a mentor's time is booked once however many requests race for it, the tokens are held
 * once, and a buffer keeps overlapping starts apart; the slot listing follows.
 */
class BookingRaceIT extends BookingTestSupport {

    private static final int RACERS = 20;

    @Test
    void twentyStudentsRacingForOneSlotBookItOnceAndOnlyTheWinnerPays() throws Exception {
        String admin = admin();
        Person mentor = mentor(admin);
        List<Person> students = parallel(RACERS, i -> student(admin));
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));

        List<Response> responses = race(RACERS, i -> bookings().request(students.get(i).token(), mentor.id(), start,
                "Racing " + i));

        List<Integer> winners = assertOneWinner(responses);
        Person winner = students.get(winners.get(0));
        assertThat(awaitLedgerLines(admin, winner.id(), "HOLD", 1))
                .allSatisfy(hold -> assertThat(hold.get("amount").asLong()).isEqualTo(2));
        assertThat(tokens().settledAccount(admin, winner.id()).get("held").asLong()).isEqualTo(2);
        for (Person loser : students) {
            if (loser != winner) {
                JsonNode account = tokens().settledAccount(admin, loser.id());
                assertThat(account.get("balance").asLong()).isEqualTo(10);
                assertThat(account.get("held").asLong()).isZero();
                assertThat(tokens().eventTypes(admin, loser.id())).doesNotContain("TokensHeld");
            }
        }
        UUID booking = UUID.fromString(responses.get(winners.get(0)).body().get("bookingId").asText());
        bookings().awaitStatus(winner.token(), booking, "REQUESTED");
        assertThat(adminBookings(admin, "mentorId=" + mentor.id()).get("total").asLong()).isEqualTo(1);
        assertThat(listsSlot(mentor, start)).isFalse();
    }

    @Test
    void oneStudentFiringTwentyRequestsAtOnceBooksOnceAndHoldsOnce() throws Exception {
        String admin = admin();
        Person mentor = mentor(admin);
        Person student = bookings().newStudentWithTokens("rich-student", admin, 100);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));

        List<Response> responses = race(RACERS, i -> bookings().request(student.token(), mentor.id(), start,
                "Racing myself " + i));

        assertOneWinner(responses);
        awaitLedgerLines(admin, student.id(), "HOLD", 1);
        JsonNode account = tokens().settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(100);
        assertThat(account.get("held").asLong()).isEqualTo(2);
        await().atMost(BookingApi.WAIT).until(() ->
                adminBookings(admin, "studentId=" + student.id()).get("total").asLong() == 1);
        assertThat(adminBookings(admin, "mentorId=" + mentor.id()).get("total").asLong()).isEqualTo(1);
    }

    /**
     * A booking claims its mentor's time from its start to its end plus the buffer: with a 15-minute buffer a 09:00
     * session holds 09:00–09:45. Once the mentor drops the buffer (half-hour slots), 09:30 overlaps that claim and is
     * neither listed nor bookable, 10:00 is both. Cancelling or declining gives the time back.
     */
    @Test
    void aBufferedBookingBlocksOverlappingStartsAndCancellingOrDecliningFreesTheTime() {
        String admin = admin();
        Person mentor = bookings().newMentor("buffered-mentor", admin, "Europe/Berlin", 15);
        Person first = student(admin);
        Person second = student(admin);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var day = Instant.now().plus(Duration.ofDays(2)).atZone(berlin).toLocalDate();
        Instant nine = day.atTime(LocalTime.of(9, 0)).atZone(berlin).toInstant();
        await("the buffered slots listed").atMost(BookingApi.WAIT).until(() ->
                mentors().slotStarts(null, mentor.id(), nine.minus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2)))
                        .containsAll(List.of(nine.minus(Duration.ofMinutes(45)), nine, nine.plus(Duration.ofMinutes(45)))));

        UUID booking = bookings().book(first, mentor, nine);
        bookings().awaitStatus(first.token(), booking, "REQUESTED");
        // with the 15-minute buffer the slots are 08:15, 09:00, 09:45…; only 09:00 is taken
        assertThat(mentors().slotStarts(null, mentor.id(), nine.minus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2))))
                .contains(nine.minus(Duration.ofMinutes(45)), nine.plus(Duration.ofMinutes(45)))
                .doesNotContain(nine);
        assertProblem(bookings().request(second.token(), mentor.id(), nine, "Same time"), 409, "slot-unavailable");

        // half-hour slots from now on: 09:30 starts inside the 09:00 booking's buffer
        assertThat(mentors().setWeekly(mentor.token(), MentorApi.everyDay("00:00", "00:00"), 0).status())
                .isEqualTo(204);
        Instant nineThirty = nine.plus(Duration.ofMinutes(30));
        Instant ten = nine.plus(Duration.ofMinutes(60));
        await("the half-hour slots listed").atMost(BookingApi.WAIT).until(() -> {
            List<Instant> slots = mentors().slotStarts(null, mentor.id(), nine.minus(Duration.ofHours(1)),
                    nine.plus(Duration.ofHours(2)));
            return slots.contains(ten) && slots.contains(nine.minus(Duration.ofMinutes(30)));
        });
        assertThat(mentors().slotStarts(null, mentor.id(), nine.minus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2))))
                .doesNotContain(nine, nineThirty);
        assertProblem(bookings().request(second.token(), mentor.id(), nineThirty, "Overlapping"), 409,
                "slot-unavailable");
        UUID declined = bookings().book(second, mentor, ten);

        // the student withdraws the 09:00 request: 09:00 and 09:30 are free again
        assertThat(bookings().cancel(first.token(), booking, "Found another mentor").status()).isEqualTo(204);
        await("09:00 and 09:30 listed again").atMost(BookingApi.WAIT).until(() ->
                mentors().slotStarts(null, mentor.id(), nine.minus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2)))
                        .containsAll(List.of(nine, nineThirty)));
        assertThat(listsSlot(mentor, ten)).isFalse();

        // the mentor declines the 10:00 request: listed again, and bookable by someone else
        assertThat(bookings().decline(mentor.token(), declined, "Not my topic").status()).isEqualTo(204);
        await("10:00 listed again").atMost(BookingApi.WAIT).until(() -> listsSlot(mentor, ten));
        bookings().book(first, mentor, nineThirty);
        bookings().book(student(admin), mentor, ten);
    }

    private JsonNode adminBookings(String admin, String filter) {
        Response response = api().get("/api/admin/bookings?" + filter, admin);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    /** Exactly one 201; every other answer 409 slot-unavailable. The winners' indexes. */
    private static List<Integer> assertOneWinner(List<Response> responses) {
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            Response response = responses.get(i);
            if (response.status() == 201) {
                winners.add(i);
            } else {
                assertProblem(response, 409, "slot-unavailable");
            }
        }
        assertThat(winners).as("201 answers").hasSize(1);
        return winners;
    }

    /** Runs {@code n} calls at the same moment and returns their results in order. */
    private static <T> List<T> race(int n, Function<Integer, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} calls, a few at a time (to set up many people quickly). */
    private static <T> List<T> parallel(int n, Function<Integer, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> call.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStudentIsNeverBookedIntoTwoSessionsAtOnceButMayBookBackToBack() {
        String admin = admin();
        Person firstMentor = mentor(admin);
        Person secondMentor = mentor(admin);
        Person student = student(admin);
        Instant start = BookingApi.slot(Instant.now(), Duration.ofDays(2));

        UUID booking = bookings().book(student, firstMentor, start);
        assertProblem(bookings().request(student.token(), secondMentor.id(), start, "Same time, other mentor"), 409,
                "student-busy");
        assertThat(tokens().settledAccount(admin, student.id()).get("held").asLong())
                .as("the refused request holds nothing").isEqualTo(2);
        UUID next = bookings().book(student, secondMentor, start.plus(Duration.ofMinutes(30)));

        // once the first booking is withdrawn the student's time is free again
        assertThat(bookings().cancel(student.token(), booking, "Changed plans").status()).isEqualTo(204);
        assertThat(bookings().request(student.token(), secondMentor.id(), start, "Now it fits").status())
                .isEqualTo(201);
        assertThat(next).isNotNull();
    }
}

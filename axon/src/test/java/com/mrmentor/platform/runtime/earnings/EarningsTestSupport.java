package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.command.earnings.PayoutProvider;
import com.mrmentor.platform.runtime.earnings.SimulatedPayoutProvider;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.shared.booking.BookingIds;
import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.booking.BookingStatus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steps shared by the earnings and payout integration tests: mentors, settled sessions (published as the booking's
 * {@link BookingSettled} fact, as the booking saga does), payouts over HTTP, and the simulated provider's webhooks.
 */
abstract class EarningsTestSupport extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** One token's net earning at the defaults: 30 000 paise less 20 % commission. */
    static final long NET_PER_TOKEN = 24_000;

    @Autowired
    EventBus eventBus;

    @Autowired
    PayoutProvider payoutProvider;

    SimulatedPayoutProvider simulator() {
        return (SimulatedPayoutProvider) payoutProvider;
    }

    BookingApi bookings() {
        return new BookingApi(api(), identity());
    }

    Person mentor() {
        return bookings().newMentor("earner", admin(), "Asia/Kolkata", 0);
    }

    /** A session of {@code mentor} that ended at {@code end} and captured {@code tokens}; answers the booking id. */
    UUID settledSession(Person mentor, long tokens, Instant end) {
        UUID bookingId = UUID.randomUUID();
        eventBus.publish(new GenericDomainEventMessage<>("Booking", BookingIds.booking(bookingId), 0,
                new BookingSettled(bookingId, UUID.randomUUID(), mentor.id(), BookingStatus.COMPLETED,
                        UUID.randomUUID(), tokens, tokens, 0, end.minus(Duration.ofMinutes(30)), end, Instant.now())));
        return bookingId;
    }

    /** A session long past its hold period: its earning becomes available at once. Waits for it. */
    UUID availableSession(Person mentor, long tokens) {
        long before = earnings(mentor.token(), mentor.id()).path("available").asLong();
        UUID bookingId = settledSession(mentor, tokens, Instant.now().minus(Duration.ofDays(8)));
        awaitEarnings(mentor, e -> e.path("available").asLong() == before + tokens * NET_PER_TOKEN);
        return bookingId;
    }

    JsonNode earnings(String token, UUID mentorId) {
        Response response = api().get("/api/mentors/" + mentorId + "/earnings", token);
        assertThat(response.status()).as("earnings: %s", response).isEqualTo(200);
        return response.body();
    }

    JsonNode awaitEarnings(Person mentor, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await("earnings of " + mentor.id()).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> condition.test(last[0] = earnings(mentor.token(), mentor.id())));
        return last[0];
    }

    JsonNode statement(String token, UUID mentorId) {
        Response response = api().get("/api/mentors/" + mentorId + "/earnings/statement?from="
                + Instant.now().minus(Duration.ofDays(30)) + "&to=" + Instant.now().plus(Duration.ofDays(30)), token);
        assertThat(response.status()).as("statement: %s", response).isEqualTo(200);
        return response.body();
    }

    Response requestPayout(Person mentor, long amount, String method, String destination) {
        return api().post("/api/payouts", mentor.token(), json("amount", amount, "method", method, "destination",
                destination));
    }

    UUID payout(Person mentor, long amount, String destination) {
        Response requested = requestPayout(mentor, amount, "UPI", destination);
        assertThat(requested.status()).as("payout: %s", requested).isEqualTo(201);
        return UUID.fromString(requested.body().get("payoutId").asText());
    }

    /** Requested, approved and sent at once by finance: PROCESSING at the simulator. */
    SimulatedPayoutProvider.Payout sentPayout(Person mentor, long amount, String destination) {
        UUID payoutId = payout(mentor, amount, destination);
        String finance = finance();
        assertThat(api().post("/api/payouts/" + payoutId + "/approve", finance, null).status()).isEqualTo(200);
        Response sent = api().post("/api/payouts/" + payoutId + "/send", finance, null);
        assertThat(sent.status()).as("send: %s", sent).isEqualTo(200);
        assertThat(sent.body().get("status").asText()).isEqualTo("PROCESSING");
        return simulator().payout(payoutId.toString()).orElseThrow();
    }

    JsonNode payoutView(String token, UUID payoutId) {
        Response response = api().get("/api/payouts/" + payoutId, token);
        return response.status() == 200 ? response.body() : null;
    }

    JsonNode awaitPayout(UUID payoutId, String status) {
        String finance = finance();
        JsonNode[] last = new JsonNode[1];
        await("payout " + payoutId + " " + status).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> (last[0] = payoutView(finance, payoutId)) != null
                        && status.equals(last[0].get("status").asText()));
        return last[0];
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.problemType()).as("%s", response).isEqualTo("/problems/" + type);
    }
}

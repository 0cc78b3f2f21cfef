package com.mrmentor.platform.runtime.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.tokens.PlaceTokenHold;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Two-phase spending: tokens are held, then captured, released, or released by themselves when the hold expires. */
class TokenHoldsIT extends IntegrationTest {

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JdbcTemplate jdbc;

    private TokenApi tokens() {
        return new TokenApi(api());
    }

    @Test
    void aCapturedHoldSpendsTheTokensAndTheLedgerRecordsEachStepByTheActingAdmin() {
        String admin = admin();
        String adminId = TokenApi.subjectOf(admin).toString();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 100, "PAID");

        ApiClient.Response held = tokens().holdRequest(admin, user, 30, Instant.now().plus(Duration.ofHours(1)));
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.body().get("status").asText()).isEqualTo("HELD");
        UUID holdId = UUID.fromString(held.body().get("holdId").asText());
        assertThat(held.header("Location")).isEqualTo("/api/tokens/holds/" + holdId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, user);
            assertThat(account.get("balance").asLong()).isEqualTo(100);
            assertThat(account.get("held").asLong()).isEqualTo(30);
            assertThat(account.get("available").asLong()).isEqualTo(70);
        });

        ApiClient.Response captured = tokens().capture(admin, holdId);
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.body().get("holdId").asText()).isEqualTo(holdId.toString());
        assertThat(captured.body().get("status").asText()).isEqualTo("CAPTURED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, user);
            assertThat(account.get("balance").asLong()).isEqualTo(70);
            assertThat(account.get("held").asLong()).isZero();
            assertThat(account.get("available").asLong()).isEqualTo(70);
            List<JsonNode> ledger = tokens().ledger(admin, user);
            assertThat(ledger).extracting(line -> line.get("type").asText())
                    .containsExactly("CAPTURE", "HOLD", "GRANT");
            JsonNode capture = ledger.get(0);
            assertThat(capture.get("amount").asLong()).isEqualTo(30);
            assertThat(capture.get("balanceAfter").asLong()).isEqualTo(70);
            assertThat(capture.get("heldAfter").asLong()).isZero();
            JsonNode hold = ledger.get(1);
            assertThat(hold.get("amount").asLong()).isEqualTo(30);
            assertThat(hold.get("balanceAfter").asLong()).isEqualTo(100);
            assertThat(hold.get("heldAfter").asLong()).isEqualTo(30);
            assertThat(hold.get("reference").asText()).isEqualTo(capture.get("reference").asText());
            assertThat(ledger).allSatisfy(line -> assertThat(line.get("actor").asText()).isEqualTo(adminId));
            assertThat(ledger.get(0).get("sequence").asLong()).isGreaterThan(ledger.get(1).get("sequence").asLong());
        });
    }

    @Test
    void aReleasedHoldGivesTheTokensBack() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 50, "PAID");
        UUID holdId = tokens().hold(admin, user, 20);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens().account(admin, user).get("available").asLong()).isEqualTo(30));

        ApiClient.Response released = tokens().release(admin, holdId, "booking cancelled");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("status").asText()).isEqualTo("RELEASED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, user);
            assertThat(account.get("balance").asLong()).isEqualTo(50);
            assertThat(account.get("held").asLong()).isZero();
            assertThat(account.get("available").asLong()).isEqualTo(50);
            JsonNode newest = tokens().ledger(admin, user).get(0);
            assertThat(newest.get("type").asText()).isEqualTo("RELEASED");
            assertThat(newest.get("amount").asLong()).isEqualTo(20);
            assertThat(newest.get("balanceAfter").asLong()).isEqualTo(50);
            assertThat(newest.get("heldAfter").asLong()).isZero();
            assertThat(newest.get("reason").asText()).isEqualTo("booking cancelled");
        });
    }

    @Test
    void aHoldResolvesOnlyOnce() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 50, "PAID");
        UUID holdId = tokens().hold(admin, user, 20);
        assertThat(tokens().capture(admin, holdId).status()).isEqualTo(200);
        int eventsAfterCapture = tokens().history(admin, user).size();

        ApiClient.Response secondCapture = tokens().capture(admin, holdId);
        assertThat(secondCapture.status()).isEqualTo(409);
        assertThat(secondCapture.header("Content-Type")).startsWith("application/problem+json");
        assertThat(secondCapture.problemType()).isEqualTo("/problems/hold-already-resolved");

        ApiClient.Response releaseAfterCapture = tokens().release(admin, holdId, null);
        assertThat(releaseAfterCapture.status()).isEqualTo(409);
        assertThat(releaseAfterCapture.problemType()).isEqualTo("/problems/hold-already-resolved");

        assertThat(tokens().history(admin, user)).hasSize(eventsAfterCapture);
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isEqualTo(30);
    }

    @Test
    void capturingAnUnknownHoldIsANotFoundProblem() {
        ApiClient.Response response = tokens().capture(admin(), UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/hold-not-found");
    }

    @Test
    void aHoldNobodyResolvesIsReleasedByItsPersistentDeadline() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 40, "PAID");

        UUID holdId = tokens().hold(admin, user, 15, Instant.now().plusSeconds(2));

        assertThat(scheduledTasksMentioning(holdId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, user);
            assertThat(account.get("balance").asLong()).isEqualTo(40);
            assertThat(account.get("held").asLong()).isZero();
            assertThat(account.get("available").asLong()).isEqualTo(40);
            JsonNode newest = tokens().ledger(admin, user).get(0);
            assertThat(newest.get("type").asText()).isEqualTo("EXPIRED");
            assertThat(newest.get("amount").asLong()).isEqualTo(15);
            assertThat(newest.get("heldAfter").asLong()).isZero();
            assertThat(newest.get("actor").isNull()).isTrue();
        });
        assertThat(scheduledTasksMentioning(holdId)).isZero();
        ApiClient.Response lateCapture = tokens().capture(admin, holdId);
        assertThat(lateCapture.status()).isEqualTo(409);
        assertThat(lateCapture.problemType()).isEqualTo("/problems/hold-already-resolved");
    }

    @Test
    void holdingMoreThanIsAvailableChangesNothing() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 30, "PAID");
        tokens().hold(admin, user, 20);
        int eventsBefore = tokens().history(admin, user).size();

        ApiClient.Response response = tokens().holdRequest(admin, user, 11, Instant.now().plus(Duration.ofHours(1)));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/insufficient-tokens");
        assertThat(tokens().history(admin, user)).hasSize(eventsBefore);
        JsonNode account = tokens().settledAccount(admin, user);
        assertThat(account.get("held").asLong()).isEqualTo(20);
        assertThat(account.get("available").asLong()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens().ledger(admin, user)).extracting(line -> line.get("type").asText())
                        .containsExactly("HOLD", "GRANT"));
    }

    /** Persistent deadlines (db-scheduler rows) whose serialized data names {@code id}. */
    private long scheduledTasksMentioning(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') "
                + "IN task_data) > 0", Long.class, id.toString());
    }

    @Test
    void theIdOfAResolvedHoldCanNeverBeUsedAgainEvenByAnInternalCaller() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 10, "PAID");
        UUID holdId = tokens().hold(admin, user, 2);
        assertThat(tokens().capture(admin, holdId).status()).isEqualTo(200);
        List<String> before = tokens().eventTypes(admin, user);

        // A workflow retrying with the same hold id must not spend twice.
        Throwable refused = catchThrowable(() -> commandGateway.sendAndWait(new PlaceTokenHold(user, holdId, 2,
                "retried booking", Instant.now().plus(Duration.ofHours(1)), user)));

        assertThat(refused).isNotNull();
        Throwable cause = refused;
        while (cause != null && !(cause instanceof RuleViolation)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo("duplicate-hold"));
        assertThat(tokens().eventTypes(admin, user)).isEqualTo(before);
    }
}

package com.mrmentor.platform.runtime.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Granting tokens: small grants at once, large ones after a second approver, and what becomes of them later. */
class TokenGrantsIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private TokenApi tokens() {
        return new TokenApi(api());
    }

    @Test
    void aSmallGrantIsCreditedAtOnceAndPointsToItself() {
        String admin = admin();
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 40, "category", "PAID", "reason", "welcome"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("status").asText()).isEqualTo("GRANTED");
        UUID grantId = UUID.fromString(response.body().get("grantId").asText());
        assertThat(response.header("Location")).isEqualTo("/api/tokens/grants/" + grantId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(tokens().account(admin, user).get("balance").asLong()).isEqualTo(40);
            JsonNode grant = tokens().grantView(admin, grantId).body();
            assertThat(grant.get("status").asText()).isEqualTo("GRANTED");
            assertThat(grant.get("remaining").asLong()).isEqualTo(40);
        });
    }

    @Test
    void aGrantAboveTheThresholdWaitsForApprovalAndCreditsNothing() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 10, "PAID");

        ApiClient.Response response = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 150, "category", "PAID", "reason", "big campaign"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(tokens().eventTypes(admin, user)).endsWith("TokenGrantRequested");
        JsonNode account = tokens().settledAccount(admin, user);
        assertThat(account.get("balance").asLong()).isEqualTo(10);
        assertThat(account.get("available").asLong()).isEqualTo(10);
    }

    @Test
    void approversAndAuditorsSeeThePendingGrantInTheListAndOnItsOwn() {
        String admin = admin();
        List<String> readers = List.of(admin, finance(), auditor());
        UUID user = UUID.randomUUID();
        UUID grantId = requestLargeGrant(admin, user, 250);

        await().atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            for (String reader : readers) {
                ApiClient.Response pending = api().get("/api/tokens/grants?status=PENDING_APPROVAL&size=200",
                        reader);
                assertThat(pending.status()).isEqualTo(200);
                assertThat(TokenApi.list(pending.body().get("grants")))
                        .anySatisfy(g -> assertThat(g.get("grantId").asText()).isEqualTo(grantId.toString()))
                        .allSatisfy(g -> assertThat(g.get("status").asText()).isEqualTo("PENDING_APPROVAL"));

                ApiClient.Response one = tokens().grantView(reader, grantId);
                assertThat(one.status()).isEqualTo(200);
                assertThat(one.body().get("status").asText()).isEqualTo("PENDING_APPROVAL");
                assertThat(one.body().get("userId").asText()).isEqualTo(user.toString());
                assertThat(one.body().get("amount").asLong()).isEqualTo(250);
                assertThat(one.body().get("requestedBy").asText()).isEqualTo(TokenApi.subjectOf(admin).toString());
                assertThat(one.body().get("remaining").asLong()).isZero();
            }
        });
    }

    @Test
    void anUnknownGrantIsANotFoundProblem() {
        String admin = admin();
        UUID unknown = UUID.randomUUID();

        ApiClient.Response read = tokens().grantView(admin, unknown);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.problemType()).isEqualTo("/problems/not-found");

        ApiClient.Response approve = tokens().approve(finance(), unknown);
        assertThat(approve.status()).isEqualTo(404);
        assertThat(approve.header("Content-Type")).startsWith("application/problem+json");
        assertThat(approve.problemType()).isEqualTo("/problems/grant-not-found");
    }

    @Test
    void theRequesterCannotApproveTheirOwnGrant() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        UUID grantId = requestLargeGrant(admin, user, 150);
        int eventsBefore = tokens().history(admin, user).size();

        ApiClient.Response response = tokens().approve(admin, grantId);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/self-approval");
        assertThat(tokens().history(admin, user)).hasSize(eventsBefore);
    }

    @Test
    void aSecondApproverCreditsTheGrantAndCannotApproveItTwice() {
        String admin = admin();
        String finance = finance();
        UUID user = UUID.randomUUID();
        UUID grantId = requestLargeGrant(admin, user, 150);

        ApiClient.Response approved = tokens().approve(finance, grantId);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("grantId").asText()).isEqualTo(grantId.toString());
        assertThat(approved.body().get("status").asText()).isEqualTo("GRANTED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(tokens().account(admin, user).get("balance").asLong()).isEqualTo(150);
            JsonNode grant = tokens().grantView(admin, grantId).body();
            assertThat(grant.get("status").asText()).isEqualTo("GRANTED");
            assertThat(grant.get("decidedBy").asText()).isEqualTo(TokenApi.subjectOf(finance).toString());
        });

        ApiClient.Response again = tokens().approve(secondAdmin(), grantId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/grant-not-pending");
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isEqualTo(150);
        assertThat(tokens().eventTypes(admin, user)).filteredOn("TokensGranted"::equals).hasSize(1);
    }

    @Test
    void aRejectedGrantCreditsNoTokensAndKeepsTheReason() {
        String admin = admin();
        String finance = finance();
        UUID user = UUID.randomUUID();
        UUID grantId = requestLargeGrant(admin, user, 300);

        ApiClient.Response rejected = tokens().reject(finance, grantId, "budget exhausted");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode grant = tokens().grantView(admin, grantId).body();
            assertThat(grant.get("status").asText()).isEqualTo("REJECTED");
            assertThat(grant.get("decisionNote").asText()).isEqualTo("budget exhausted");
            assertThat(grant.get("decidedBy").asText()).isEqualTo(TokenApi.subjectOf(finance).toString());
        });
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isZero();
        assertThat(tokens().eventTypes(admin, user)).doesNotContain("TokensGranted");
        assertThat(tokens().approve(finance, grantId).problemType()).isEqualTo("/problems/grant-not-pending");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedNamingTheField() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        UUID grantId = requestLargeGrant(admin, user, 150);

        for (String body : List.of("{}", "{\"reason\":\"  \"}")) {
            ApiClient.Response response = api().send("POST", "/api/tokens/grants/" + grantId + "/reject",
                    finance(), body, java.util.Map.of());
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(TokenApi.list(response.body().get("errors")))
                    .extracting(e -> e.get("field").asText()).containsExactly("reason");
        }
        assertThat(tokens().eventTypes(admin, user)).doesNotContain("TokenGrantRejected");
    }

    @Test
    void aPendingGrantNobodyDecidesLapsesAndCanNoLongerBeApproved() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        UUID grantId = requestLargeGrant(admin, user, 120);

        await().atMost(Duration.ofSeconds(25)).untilAsserted(() ->
                assertThat(tokens().grantView(admin, grantId).body().get("status").asText()).isEqualTo("LAPSED"));

        ApiClient.Response approve = tokens().approve(finance(), grantId);
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.problemType()).isEqualTo("/problems/grant-not-pending");
        assertThat(tokens().eventTypes(admin, user)).containsExactly("TokenWalletOpened", "TokenGrantRequested",
                "TokenGrantLapsed");
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isZero();
    }

    @Test
    void revokingAGrantRemovesOnlyItsUnspentRemainderAndIsForAdminsOnly() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        UUID revoked = tokens().grant(admin, user, 50, "PAID");
        assertThat(tokens().capture(admin, tokens().hold(admin, user, 10)).status()).isEqualTo(200);
        tokens().grant(admin, user, 20, "PAID");
        int eventsBefore = tokens().history(admin, user).size();

        ApiClient.Response byFinance = tokens().revoke(finance(), revoked, "abuse");
        assertThat(byFinance.status()).isEqualTo(403);
        assertThat(byFinance.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tokens().history(admin, user)).hasSize(eventsBefore);

        ApiClient.Response byAdmin = tokens().revoke(admin, revoked, "abuse");
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.body().get("status").asText()).isEqualTo("REVOKED");
        assertThat(byAdmin.body().get("revokedAmount").asLong()).isEqualTo(40);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(tokens().account(admin, user).get("balance").asLong()).isEqualTo(20);
            JsonNode newest = tokens().ledger(admin, user).get(0);
            assertThat(newest.get("type").asText()).isEqualTo("REVOCATION");
            assertThat(newest.get("amount").asLong()).isEqualTo(40);
            assertThat(newest.get("balanceAfter").asLong()).isEqualTo(20);
            assertThat(newest.get("reference").asText()).isEqualTo(revoked.toString());
            assertThat(newest.get("reason").asText()).isEqualTo("abuse");
            assertThat(newest.get("actor").asText()).isEqualTo(TokenApi.subjectOf(admin).toString());
            JsonNode grant = tokens().grantView(admin, revoked).body();
            assertThat(grant.get("status").asText()).isEqualTo("REVOKED");
            assertThat(grant.get("remaining").asLong()).isZero();
        });
    }

    @Test
    void promotionalTokensAreSpentBeforePaidOnes() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 30, "PAID");
        tokens().grant(admin, user, 20, "PROMOTIONAL");

        UUID hold = tokens().hold(admin, user, 25);
        assertThat(tokens().capture(admin, hold).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, user);
            assertThat(account.get("balance").asLong()).isEqualTo(25);
            assertThat(account.get("byCategory").get("PROMOTIONAL").asLong()).isZero();
            assertThat(account.get("byCategory").get("PAID").asLong()).isEqualTo(25);
        });
    }

    @Test
    void aGrantExpiresOnItsPersistentDeadlineAndTakesOnlyItsOwnTokens() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        tokens().grant(admin, user, 5, "PAID");
        UUID expiring = tokens().grant(admin, user, 20, "PROMOTIONAL", Instant.now().plusSeconds(3));

        // Before it fires, the deadline is a row in the database, not a timer in memory.
        assertThat(scheduledTasksMentioning(expiring)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, user);
            assertThat(account.get("balance").asLong()).isEqualTo(5);
            assertThat(account.get("byCategory").get("PROMOTIONAL").asLong()).isZero();
            List<JsonNode> ledger = tokens().ledger(admin, user);
            assertThat(ledger).extracting(line -> line.get("type").asText())
                    .containsExactly("EXPIRY", "GRANT", "GRANT");
            assertThat(ledger.get(1).get("balanceAfter").asLong()).isEqualTo(25);
            JsonNode newest = ledger.get(0);
            assertThat(newest.get("amount").asLong()).isEqualTo(20);
            assertThat(newest.get("balanceAfter").asLong()).isEqualTo(5);
            assertThat(newest.get("reference").asText()).isEqualTo(expiring.toString());
            assertThat(newest.get("actor").isNull()).isTrue();
            assertThat(tokens().grantView(admin, expiring).body().get("status").asText()).isEqualTo("EXPIRED");
        });
        assertThat(scheduledTasksMentioning(expiring)).isZero();
    }

    /** Requests a grant above the approval threshold and returns its id. */
    private UUID requestLargeGrant(String token, UUID user, long amount) {
        ApiClient.Response response = api().post("/api/tokens/grants", token,
                json("userId", user, "amount", amount, "category", "PAID", "reason", "large grant"));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(response.body().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        return UUID.fromString(response.body().get("grantId").asText());
    }

    /** Persistent deadlines (db-scheduler rows) whose serialized data names {@code id}. */
    private long scheduledTasksMentioning(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') "
                + "IN task_data) > 0", Long.class, id.toString());
    }
}

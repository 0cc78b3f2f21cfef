package com.mrmentor.platform.runtime.web;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A write retried with the same Idempotency-Key acts once; the retry gets the first answer again. */
class IdempotencyIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyStore store;

    private static final String GRANTS = "/api/tokens/grants";

    private TokenApi tokens() {
        return new TokenApi(api());
    }

    private ApiClient.Response grantWithKey(String token, String key, UUID user, long amount) {
        return api().post(GRANTS, token, json("userId", user, "amount", amount, "category", "PAID",
                "reason", "retried"), Map.of("Idempotency-Key", key));
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndGrantsOnce() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = grantWithKey(admin, key, user, 25);
        ApiClient.Response retry = grantWithKey(admin, key, user, 25);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.rawBody()).isEqualTo(first.rawBody());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(tokens().eventTypes(admin, user)).filteredOn("TokensGranted"::equals).hasSize(1);
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isEqualTo(25);
    }

    @Test
    void theSameKeyForADifferentRequestIsAConflict() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertThat(grantWithKey(admin, key, user, 10).status()).isEqualTo(201);

        ApiClient.Response otherAmount = grantWithKey(admin, key, user, 11);
        ApiClient.Response otherRoute = api().post("/api/tokens/holds", admin, json("userId", user, "amount", 1,
                "reference", "r", "expiresAt", Instant.now().plusSeconds(600).toString()), Map.of("Idempotency-Key", key));

        for (ApiClient.Response response : List.of(otherAmount, otherRoute)) {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.problemType()).isEqualTo("/problems/idempotency-key-reused");
        }
        assertThat(tokens().history(admin, user)).extracting(TokenApi::simpleType)
                .containsExactly("TokenWalletOpened", "TokensGranted");
        assertThat(tokens().history(admin, user).get(1).get("payload").get("amount").asLong()).isEqualTo(10);
    }

    @Test
    void keysBelongToTheirCallerSoAnotherUserWithTheSameKeyActsOnItsOwn() {
        String admin = admin();
        String finance = finance();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        ApiClient.Response byAdmin = grantWithKey(admin, key, user, 10);
        ApiClient.Response byFinance = grantWithKey(finance, key, user, 10);

        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byFinance.status()).isEqualTo(201);
        assertThat(byFinance.header("Idempotency-Replayed")).isNull();
        assertThat(byFinance.body().get("grantId").asText()).isNotEqualTo(byAdmin.body().get("grantId").asText());
        assertThat(tokens().eventTypes(admin, user)).filteredOn("TokensGranted"::equals).hasSize(2);
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isEqualTo(20);
    }

    @Test
    void aRequestRefusedWithA4xxIsReplayedAsTheSameRefusalEvenWhenItWouldNowSucceed() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> hold = json("userId", user, "amount", 50, "reference", "seat-1",
                "expiresAt", Instant.now().plus(Duration.ofHours(1)).toString());

        ApiClient.Response refused = api().post("/api/tokens/holds", admin, hold, Map.of("Idempotency-Key", key));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("/problems/insufficient-tokens");
        tokens().grant(admin, user, 100, "PAID");

        ApiClient.Response retry = api().post("/api/tokens/holds", admin, hold, Map.of("Idempotency-Key", key));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.rawBody()).isEqualTo(refused.rawBody());
        assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(tokens().eventTypes(admin, user)).doesNotContain("TokensHeld");
        // The same request under a new key does act: the replay, not the wallet, refused it.
        assertThat(api().post("/api/tokens/holds", admin, hold, Map.of("Idempotency-Key", key + "-2")).status())
                .isEqualTo(201);
    }

    @Test
    void tenConcurrentRequestsWithTheSameKeyGrantExactlyOnce() throws Exception {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                return grantWithKey(admin, key, user, 30);
            }));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> attempt : attempts) {
            responses.add(attempt.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> {
            if (r.status() == 201) {
                assertThat(r.body().get("status").asText()).isEqualTo("GRANTED");
            } else {
                assertThat(r.status()).as("%s", r).isEqualTo(409);
                assertThat(r.problemType()).isEqualTo("/problems/idempotency-request-in-progress");
            }
        });
        List<ApiClient.Response> granted = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(granted).filteredOn(r -> r.header("Idempotency-Replayed") == null).hasSize(1);
        assertThat(granted).extracting(r -> r.body().get("grantId").asText()).containsOnly(
                granted.get(0).body().get("grantId").asText());
        assertThat(tokens().eventTypes(admin, user)).filteredOn("TokensGranted"::equals).hasSize(1);
        assertThat(tokens().settledAccount(admin, user).get("balance").asLong()).isEqualTo(30);
    }

    @Test
    void afterTheRetentionWindowAKeyActsAgainAndAnHourlyPurgeIsScheduled() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertThat(grantWithKey(admin, key, user, 7).status()).isEqualTo(201);

        // The first use is two days old; the purge (hourly in production) forgets it.
        jdbc.update("UPDATE idempotency_record SET created_at = ? WHERE idempotency_key = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(2))), key);
        assertThat(store.purgeCreatedBefore(Instant.now().minus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);

        ApiClient.Response again = grantWithKey(admin, key, user, 7);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isNull();
        assertThat(tokens().eventTypes(admin, user)).filteredOn("TokensGranted"::equals).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", Integer.class,
                "idempotency-record-purge")).isEqualTo(1);
    }

    @Test
    void aRetryAfterAnAnswerWasLostCannotGrantTwice() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertThat(grantWithKey(admin, key, user, 9).status()).isEqualTo(201);
        // As after a timeout: the grant committed, but the answer was lost and the claim left for a retry.
        jdbc.update("UPDATE idempotency_record SET completed = FALSE, retriable = TRUE WHERE idempotency_key = ?",
                key);

        ApiClient.Response retry = grantWithKey(admin, key, user, 9);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.problemType()).isEqualTo("/problems/duplicate-grant");
        assertThat(tokens().eventTypes(admin, user)).filteredOn("TokensGranted"::equals).hasSize(1);
    }
}

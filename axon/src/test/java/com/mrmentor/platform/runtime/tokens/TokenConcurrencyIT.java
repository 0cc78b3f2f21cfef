package com.mrmentor.platform.runtime.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Racing requests for the last tokens of one wallet leave exactly one winner per token. */
class TokenConcurrencyIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiftyConcurrentHoldsOfOneTokenOnAWalletOfTenLeaveExactlyTenWinners() throws Exception {
        String admin = admin();
        UUID user = UUID.randomUUID();
        assertThat(api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 10, "category", "PAID", "reason", "race")).status()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> attempts = new ArrayList<>();
        String expiresAt = Instant.now().plus(Duration.ofHours(1)).toString();
        for (int i = 0; i < 50; i++) {
            int n = i;
            attempts.add(pool.submit(() -> {
                start.await();
                return api().post("/api/tokens/holds", admin,
                        json("userId", user, "amount", 1, "reference", "seat-" + n, "expiresAt", expiresAt));
            }));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> attempt : attempts) {
            responses.add(attempt.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(10);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .hasSize(40)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(r.problemType()).isEqualTo("/problems/insufficient-tokens");
                });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode account = api().get("/api/tokens/accounts/" + user, admin).body();
            assertThat(account.get("balance").asLong()).isEqualTo(10);
            assertThat(account.get("held").asLong()).isEqualTo(10);
            assertThat(account.get("available").asLong()).isZero();
            assertThat(api().get("/api/tokens/accounts/" + user + "/ledger?size=200", admin).body()
                    .get("totalElements").asLong()).isEqualTo(11);
        });

        // The store holds exactly the opening, one grant and ten holds; the ledger read model says the same.
        List<JsonNode> history = new ArrayList<>();
        api().get("/api/tokens/accounts/" + user + "/history", admin).body().forEach(history::add);
        assertThat(history).extracting(e -> e.get("type").asText().replaceAll(".*\\.", ""))
                .containsExactly(concat("TokenWalletOpened", "TokensGranted", repeat("TokensHeld", 10)));
        long heldInEvents = history.stream().filter(e -> e.get("type").asText().endsWith("TokensHeld"))
                .mapToLong(e -> e.get("payload").get("amount").asLong()).sum();
        Long heldInLedger = jdbc.queryForObject(
                "SELECT SUM(amount) FROM token_ledger_entry WHERE user_id = ? AND entry_type = 'HOLD'", Long.class,
                user);
        assertThat(heldInLedger).isEqualTo(heldInEvents).isEqualTo(10);
    }

    private static String[] repeat(String value, int times) {
        String[] values = new String[times];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static String[] concat(String first, String second, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}

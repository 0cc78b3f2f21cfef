package com.mrmentor.platform.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.EventLog;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token liability as of an instant, folded from the event log: after grants, holds and captures over HTTP, the
 * figures as of the last of them are what the wallets' accounts showed then, even after more changes, and the
 * figures now are what the accounts show now; over all wallets they equal the live read model once it settles.
 */
class AsOfTokenLiabilityIT extends IntegrationTest {

    private static final String TOKENS = "/api/audit/liabilities/tokens";

    @Autowired
    JdbcTemplate jdbc;

    private TokenApi tokens() {
        return new TokenApi(api());
    }

    @Test
    void theLiabilityAsOfAnInstantIsWhatTheWalletsHeldThenAndNowIsWhatTheyHoldNow() {
        String admin = admin();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EventLog log = new EventLog(jdbc);

        // step 1: grants of both categories, a hold that takes the promotional tokens first, a captured hold
        tokens().grant(admin, first, 10, "PAID");
        tokens().grant(admin, first, 4, "PROMOTIONAL");
        UUID firstHold = tokens().hold(admin, first, 6);
        tokens().grant(admin, second, 7, "PAID");
        UUID secondHold = tokens().hold(admin, second, 3);
        assertThat(tokens().capture(admin, secondHold).status()).isEqualTo(200);
        JsonNode firstThen = tokens().settledAccount(admin, first);
        JsonNode secondThen = tokens().settledAccount(admin, second);
        List<String> wallets = List.of(WalletIds.of(first), WalletIds.of(second));
        Instant before = log.firstStoredAt(wallets).minusMillis(1);
        Instant t1 = log.lastStoredAt(wallets);

        // step 2: the first hold is captured, the second wallet gets more and holds some, then releases it
        assertThat(tokens().capture(admin, firstHold).status()).isEqualTo(200);
        tokens().grant(admin, second, 5, "PROMOTIONAL");
        tokens().hold(admin, second, 2);
        UUID released = tokens().hold(admin, second, 1);
        assertThat(tokens().release(admin, released, "not needed").status()).isEqualTo(200);
        JsonNode firstNow = tokens().settledAccount(admin, first);
        JsonNode secondNow = tokens().settledAccount(admin, second);
        assertThat(firstNow.get("balance").asLong()).isNotEqualTo(firstThen.get("balance").asLong());

        String auditor = auditor();
        JsonNode asOfT1 = liability(auditor, "asOf=" + t1 + "&userId=" + first + "&userId=" + second);
        assertThat(asOfT1.get("asOf").asText()).isEqualTo(t1.toString());
        assertSameAs(asOfT1, firstThen, secondThen);
        assertThat(asOfT1.get("wallets").asLong()).isEqualTo(2);
        assertThat(asOfT1.get("walletsHoldingTokens").asLong()).isEqualTo(2);
        // what each wallet showed then: 14 with 6 held (4 of them promotional); 4 left of 7 after the capture
        JsonNode firstAtT1 = liability(auditor, "asOf=" + t1 + "&userId=" + first);
        assertSameAs(firstAtT1, firstThen);
        assertThat(firstAtT1.at("/byCategory/PROMOTIONAL/held").asLong()).isEqualTo(4);
        assertThat(firstAtT1.at("/byCategory/PAID/held").asLong()).isEqualTo(2);
        assertThat(firstAtT1.get("balance").asLong()).isEqualTo(14);
        assertThat(liability(auditor, "asOf=" + t1 + "&userId=" + second).get("balance").asLong()).isEqualTo(4);

        JsonNode now = liability(auditor, "userId=" + first + "&userId=" + second);
        assertSameAs(now, firstNow, secondNow);
        assertThat(now.get("balance").asLong()).isEqualTo(8 + 9);

        JsonNode beforeAnything = liability(auditor, "asOf=" + before + "&userId=" + first + "&userId=" + second);
        assertThat(beforeAnything.get("wallets").asLong()).isZero();
        assertThat(beforeAnything.get("balance").asLong()).isZero();
        assertThat(beforeAnything.get("eventsFolded").asLong()).isZero();

        // over every wallet: the live read model, once it has settled
        await("every wallet, now").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> live = jdbc.queryForMap("SELECT COUNT(*) AS wallets, COALESCE(SUM(balance), 0) AS "
                    + "balance, COALESCE(SUM(held), 0) AS held FROM token_account");
            JsonNode all = liability(auditor, "");
            assertThat(all.get("wallets").asLong()).isEqualTo(((Number) live.get("wallets")).longValue());
            assertThat(all.get("balance").asLong()).isEqualTo(((Number) live.get("balance")).longValue());
            assertThat(all.get("held").asLong()).isEqualTo(((Number) live.get("held")).longValue());
        });
    }

    @Test
    void financeAndAdminReadItOthersAreRefusedAndBadInstantsAreProblems() {
        Instant past = Instant.now().minus(Duration.ofDays(1));
        assertThat(api().get(TOKENS + "?asOf=" + past, finance()).status()).isEqualTo(200);
        assertThat(api().get(TOKENS + "?asOf=" + past, admin()).status()).isEqualTo(200);
        assertThat(api().get(TOKENS, student()).status()).isEqualTo(403);
        assertThat(api().get(TOKENS, null).status()).isEqualTo(401);

        String auditor = auditor();
        Response notAnInstant = api().get(TOKENS + "?asOf=yesterday", auditor);
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notAnInstant.problemType()).isEqualTo("/problems/validation");
        assertThat(notAnInstant.body().get("detail").asText()).contains("asOf");
        Response future = api().get(TOKENS + "?asOf=" + Instant.now().plus(Duration.ofHours(1)), auditor);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.header("Content-Type")).startsWith("application/problem+json");
        assertThat(future.problemType()).isEqualTo("/problems/as-of-in-future");
        Response badWallet = api().get(TOKENS + "?userId=not-a-uuid", auditor);
        assertThat(badWallet.status()).isEqualTo(400);
        assertThat(badWallet.problemType()).isEqualTo("/problems/validation");
    }

    private JsonNode liability(String token, String query) {
        Response response = api().get(TOKENS + (query.isEmpty() ? "" : "?" + query), token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    /** The liability equals the sum of the accounts' balance, held and available, in total and per category. */
    private static void assertSameAs(JsonNode liability, JsonNode... accounts) {
        for (String figure : List.of("balance", "held", "available")) {
            assertThat(liability.get(figure).asLong()).as(figure)
                    .isEqualTo(Arrays.stream(accounts).mapToLong(a -> a.get(figure).asLong()).sum());
        }
        for (String category : List.of("PAID", "PROMOTIONAL")) {
            assertThat(liability.at("/byCategory/" + category + "/balance").asLong()).as(category)
                    .isEqualTo(Arrays.stream(accounts).mapToLong(a -> a.path("byCategory").path(category).asLong(0))
                            .sum());
        }
        assertThat(liability.at("/byCategory").size()).as("categories %s", Arrays.stream(accounts)
                .map(a -> a.path("byCategory").toString()).collect(Collectors.joining())).isEqualTo(2);
    }
}

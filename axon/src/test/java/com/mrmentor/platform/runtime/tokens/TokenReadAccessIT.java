package com.mrmentor.platform.runtime.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may read a wallet, what its stored history tells an auditor, and how the ledger pages. */
class TokenReadAccessIT extends IntegrationTest {

    private TokenApi tokens() {
        return new TokenApi(api());
    }

    private List<String> walletReads(UUID user) {
        return List.of("/api/tokens/accounts/" + user, "/api/tokens/accounts/" + user + "/ledger",
                "/api/tokens/accounts/" + user + "/history");
    }

    @Test
    void aStudentReadsTheirOwnAccountLedgerAndHistory() {
        UUID grantId = tokens().grant(admin(), STUDENT_ID, 15, "PROMOTIONAL");
        String student = student();

        for (String path : walletReads(STUDENT_ID)) {
            assertThat(api().get(path, student).status()).as(path).isEqualTo(200);
        }
        assertThat(tokens().account(student, STUDENT_ID).get("userId").asText()).isEqualTo(STUDENT_ID.toString());
        assertThat(tokens().history(student, STUDENT_ID))
                .anySatisfy(e -> assertThat(e.get("payload").path("grantId").asText()).isEqualTo(grantId.toString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens().ledger(student, STUDENT_ID))
                        .anySatisfy(line -> assertThat(line.get("reference").asText()).isEqualTo(grantId.toString())));
    }

    @Test
    void aStudentCannotReadSomeoneElsesWallet() {
        tokens().grant(admin(), STUDENT_ID, 5, "PAID");
        String otherStudent = otherStudent();

        for (String path : walletReads(STUDENT_ID)) {
            ApiClient.Response response = api().get(path, otherStudent);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.problemType()).isEqualTo("/problems/forbidden");
            assertThat(response.rawBody()).doesNotContain("balance", "TokensGranted");
        }
    }

    @Test
    void auditorsAndFinanceReadAnyWallet() {
        tokens().grant(admin(), STUDENT_ID, 5, "PAID");

        for (String reader : List.of(auditor(), finance())) {
            for (String path : walletReads(STUDENT_ID)) {
                assertThat(api().get(path, reader).status()).as(path).isEqualTo(200);
            }
            assertThat(tokens().history(reader, STUDENT_ID)).isNotEmpty();
        }
    }

    @Test
    void aStudentCannotGrantTokens() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post("/api/tokens/grants", student(),
                json("userId", STUDENT_ID, "amount", 10, "category", "PAID", "reason", "self-service"));
        ApiClient.Response forSomeoneElse = api().post("/api/tokens/grants", student(),
                json("userId", user, "amount", 10, "category", "PAID", "reason", "gift"));

        assertThat(List.of(response, forSomeoneElse)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.problemType()).isEqualTo("/problems/forbidden");
        });
        assertThat(tokens().history(admin(), user)).isEmpty();
    }

    @Test
    void withoutATokenEveryTokenRouteAnswers401WithABearerChallenge() {
        UUID user = UUID.randomUUID();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (String path : walletReads(user)) {
            responses.add(api().get(path, null));
        }
        responses.add(api().get("/api/tokens/grants", null));
        responses.add(api().post("/api/tokens/grants", null,
                json("userId", user, "amount", 10, "category", "PAID", "reason", "anonymous")));

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.problemType()).isEqualTo("/problems/unauthenticated");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        });
        assertThat(tokens().history(admin(), user)).isEmpty();
    }

    @Test
    void theHistoryShowsEachStoredEventWithPositionPayloadAndWhoDidItFromWhere() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        ApiClient.Response first = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 10, "category", "PAID", "reason", "first"));
        ApiClient.Response second = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 7, "category", "PROMOTIONAL", "reason", "second"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);

        List<JsonNode> history = tokens().history(auditor(), user);

        assertThat(history).extracting(TokenApi::simpleType)
                .containsExactly("TokenWalletOpened", "TokensGranted", "TokensGranted");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("sequenceNumber").asLong()).isEqualTo(i);
            if (i > 0) {
                assertThat(history.get(i).get("globalIndex").asLong())
                        .isGreaterThan(history.get(i - 1).get("globalIndex").asLong());
            }
        }
        assertThat(history.get(2).get("payload").get("amount").asLong()).isEqualTo(7);
        assertThat(history.get(2).get("payload").get("category").asText()).isEqualTo("PROMOTIONAL");
        assertThat(history.get(2).get("payload").get("grantId").asText())
                .isEqualTo(second.body().get("grantId").asText());

        String firstRequestId = first.header("X-Request-Id");
        String secondRequestId = second.header("X-Request-Id");
        assertThat(firstRequestId).isNotBlank().isNotEqualTo(secondRequestId);
        List<String> requestIds = List.of(firstRequestId, firstRequestId, secondRequestId);
        for (int i = 0; i < history.size(); i++) {
            JsonNode metadata = history.get(i).get("metadata");
            assertThat(metadata.get("userId").asText()).isEqualTo(TokenApi.subjectOf(admin).toString());
            assertThat(metadata.get("roles").asText()).isEqualTo("ADMIN");
            assertThat(metadata.get("platform").asText()).isEqualTo("mr-mentor");
            assertThat(metadata.get("correlationId").asText()).isEqualTo(requestIds.get(i));
            assertThat(metadata.get("requestId").asText()).isEqualTo(requestIds.get(i));
            assertThat(metadata.get("causationId").asText()).isNotBlank();
            assertThat(metadata.get("clientIp").asText()).isNotBlank();
        }
        // Both events of the first request were caused by the same command, which is not the request itself.
        String causation = history.get(0).get("metadata").get("causationId").asText();
        assertThat(history.get(1).get("metadata").get("causationId").asText()).isEqualTo(causation);
        assertThat(history.get(2).get("metadata").get("causationId").asText()).isNotEqualTo(causation);
        assertThat(causation).isNotEqualTo(firstRequestId);
    }

    @Test
    void theClientsRequestIdAndPlatformTravelIntoTheStoredEvents() {
        String admin = admin();
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 10, "category", "PAID", "reason", "mas campaign"),
                Map.of("X-Request-Id", "my-req-123", "X-Platform", "mas"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-Request-Id")).isEqualTo("my-req-123");
        List<JsonNode> history = tokens().history(admin, user);
        assertThat(history).hasSize(2).allSatisfy(event -> {
            assertThat(event.get("metadata").get("correlationId").asText()).isEqualTo("my-req-123");
            assertThat(event.get("metadata").get("requestId").asText()).isEqualTo("my-req-123");
            assertThat(event.get("metadata").get("platform").asText()).isEqualTo("mas");
        });
    }

    @Test
    void anUnknownPlatformIsRefusedAndNothingIsStored() {
        String admin = admin();
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 10, "category", "PAID", "reason", "nowhere"),
                Map.of("X-Platform", "nope"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/unknown-platform");
        assertThat(tokens().history(admin, user)).isEmpty();
    }

    @Test
    void theLedgerPagesNewestFirst() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            tokens().grant(admin, user, i, "PAID");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokens().ledger(admin, user)).hasSize(5));

        JsonNode page0 = ledgerPage(admin, user, "page=0&size=2");
        JsonNode page1 = ledgerPage(admin, user, "page=1&size=2");
        JsonNode page2 = ledgerPage(admin, user, "page=2&size=2");

        assertThat(page0.get("totalElements").asLong()).isEqualTo(5);
        assertThat(page0.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        List<Long> amounts = new ArrayList<>();
        for (JsonNode page : List.of(page0, page1, page2)) {
            page.get("entries").forEach(line -> amounts.add(line.get("amount").asLong()));
        }
        assertThat(TokenApi.list(page0.get("entries"))).hasSize(2);
        assertThat(TokenApi.list(page2.get("entries"))).hasSize(1);
        assertThat(amounts).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(TokenApi.list(ledgerPage(admin, user, "page=3&size=2").get("entries"))).isEmpty();
    }

    @Test
    void ledgerPagingOutOfRangeIsABadRequestNamingTheParameter() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        Map<String, String> cases = Map.of("size=0", "size", "size=500", "size", "page=-1", "page");

        cases.forEach((query, parameter) -> {
            ApiClient.Response response = api().get("/api/tokens/accounts/" + user + "/ledger?" + query, admin);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(TokenApi.list(response.body().get("errors")))
                    .as(query).extracting(e -> e.get("field").asText()).containsExactly(parameter);
        });
    }

    @Test
    void aUserWithoutAWalletHasAnEmptyLedgerAndAZeroAccount() {
        String admin = admin();
        UUID user = UUID.randomUUID();

        JsonNode ledger = ledgerPage(admin, user, "page=0&size=20");
        assertThat(TokenApi.list(ledger.get("entries"))).isEmpty();
        assertThat(ledger.get("totalElements").asLong()).isZero();

        JsonNode account = tokens().account(admin, user);
        assertThat(account.get("userId").asText()).isEqualTo(user.toString());
        assertThat(account.get("balance").asLong()).isZero();
        assertThat(account.get("held").asLong()).isZero();
        assertThat(account.get("available").asLong()).isZero();
        assertThat(account.get("byCategory").get("PAID").asLong()).isZero();
        assertThat(account.get("byCategory").get("PROMOTIONAL").asLong()).isZero();
        assertThat(account.get("nextExpiry").isNull()).isTrue();
        assertThat(tokens().history(admin, user)).isEmpty();
    }

    private JsonNode ledgerPage(String token, UUID user, String query) {
        ApiClient.Response response = api().get("/api/tokens/accounts/" + user + "/ledger?" + query, token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    @Test
    void theOwnerSeesTheirEventsWithTheirChainButNotTheStaffsAddressRolesOrKeys() {
        String admin = admin();
        api().post("/api/tokens/grants", admin, json("userId", STUDENT_ID, "amount", 3, "category", "PAID",
                "reason", "owner view"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        JsonNode history = api().get("/api/tokens/accounts/" + STUDENT_ID + "/history", student()).body();

        assertThat(history.size()).isGreaterThanOrEqualTo(2);
        history.forEach(event -> {
            JsonNode metadata = event.get("metadata");
            assertThat(metadata.has("userId")).isTrue();
            assertThat(metadata.has("correlationId")).isTrue();
            assertThat(metadata.has("clientIp")).isFalse();
            assertThat(metadata.has("roles")).isFalse();
            assertThat(metadata.has("idempotencyKey")).isFalse();
        });
        JsonNode staffView = api().get("/api/tokens/accounts/" + STUDENT_ID + "/history", auditor()).body();
        assertThat(staffView.get(staffView.size() - 1).get("metadata").has("clientIp")).isTrue();
    }
}

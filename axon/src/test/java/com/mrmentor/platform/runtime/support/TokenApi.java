package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The token ledger's routes as steps a test reads like a sentence; each step checks that the server agreed. */
public final class TokenApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;

    public TokenApi(ApiClient api) {
        this.api = api;
    }

    /** Grants {@code amount} tokens that never expire and returns the grant id (201 expected). */
    public UUID grant(String token, UUID user, long amount, String category) {
        return grant(token, user, amount, category, null);
    }

    /** Grants {@code amount} tokens expiring at {@code expiresAt} (null: never) and returns the grant id. */
    public UUID grant(String token, UUID user, long amount, String category, Instant expiresAt) {
        ApiClient.Response response = api.post("/api/tokens/grants", token, json("userId", user, "amount", amount,
                "category", category, "reason", "test grant", "expiresAt",
                expiresAt == null ? null : expiresAt.toString()));
        assertThat(response.status()).as("grant: %s", response).isEqualTo(201);
        return UUID.fromString(response.body().get("grantId").asText());
    }

    /** Places a hold and returns its id (201 expected). */
    public UUID hold(String token, UUID user, long amount, Instant expiresAt) {
        ApiClient.Response response = holdRequest(token, user, amount, expiresAt);
        assertThat(response.status()).as("hold: %s", response).isEqualTo(201);
        return UUID.fromString(response.body().get("holdId").asText());
    }

    /** Places a hold that expires in an hour and returns its id. */
    public UUID hold(String token, UUID user, long amount) {
        return hold(token, user, amount, Instant.now().plus(Duration.ofHours(1)));
    }

    public ApiClient.Response holdRequest(String token, UUID user, long amount, Instant expiresAt) {
        return api.post("/api/tokens/holds", token, json("userId", user, "amount", amount,
                "reference", "booking-" + UUID.randomUUID(), "expiresAt", expiresAt.toString()));
    }

    public ApiClient.Response capture(String token, UUID holdId) {
        return api.post("/api/tokens/holds/" + holdId + "/capture", token, null);
    }

    public ApiClient.Response release(String token, UUID holdId, String note) {
        return api.post("/api/tokens/holds/" + holdId + "/release", token, note == null ? null : json("note", note));
    }

    public ApiClient.Response approve(String token, UUID grantId) {
        return api.post("/api/tokens/grants/" + grantId + "/approve", token, null);
    }

    public ApiClient.Response reject(String token, UUID grantId, String reason) {
        return api.post("/api/tokens/grants/" + grantId + "/reject", token, json("reason", reason));
    }

    public ApiClient.Response revoke(String token, UUID grantId, String reason) {
        return api.post("/api/tokens/grants/" + grantId + "/revoke", token, json("reason", reason));
    }

    /** The account as the read model shows it now. */
    public JsonNode account(String token, UUID user) {
        ApiClient.Response response = api.get("/api/tokens/accounts/" + user, token);
        assertThat(response.status()).as("account: %s", response).isEqualTo(200);
        return response.body();
    }

    /**
     * The account once the read model has applied every event the store holds for the wallet, so that "nothing
     * changed" can be asserted without sleeping.
     */
    public JsonNode settledAccount(String token, UUID user) {
        List<JsonNode> history = history(token, user);
        long lastSequence = history.isEmpty() ? -1 : history.get(history.size() - 1).get("sequenceNumber").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(account(token, user).get("version").asLong()).isEqualTo(lastSequence));
        return account(token, user);
    }

    /** The ledger lines, newest first (up to 200). */
    public List<JsonNode> ledger(String token, UUID user) {
        ApiClient.Response response = api.get("/api/tokens/accounts/" + user + "/ledger?size=200", token);
        assertThat(response.status()).as("ledger: %s", response).isEqualTo(200);
        return list(response.body().get("entries"));
    }

    /** The wallet's stored events, oldest first. */
    public List<JsonNode> history(String token, UUID user) {
        ApiClient.Response response = api.get("/api/tokens/accounts/" + user + "/history", token);
        assertThat(response.status()).as("history: %s", response).isEqualTo(200);
        return list(response.body());
    }

    /** The simple class names of the wallet's stored events, oldest first. */
    public List<String> eventTypes(String token, UUID user) {
        return history(token, user).stream().map(TokenApi::simpleType).toList();
    }

    /** The grant read model's view of a grant, or the error response as JSON. */
    public ApiClient.Response grantView(String token, UUID grantId) {
        return api.get("/api/tokens/grants/" + grantId, token);
    }

    public static String simpleType(JsonNode storedEvent) {
        return storedEvent.get("type").asText().replaceAll(".*\\.", "");
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** The subject (user id) of an access token, read from its payload. */
    public static UUID subjectOf(String accessToken) {
        try {
            String payload = accessToken.split("\\.")[1];
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return UUID.fromString(claims.get("sub").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

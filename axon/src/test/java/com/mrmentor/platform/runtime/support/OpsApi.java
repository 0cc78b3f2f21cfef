package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operations routes (event processors, replays, checksums, dead letters) as test steps. */
public final class OpsApi {

    /** How long a replay or a projection may take to reach the head of the store in the tests. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final ApiClient api;

    public OpsApi(ApiClient api) {
        this.api = api;
    }

    public ApiClient.Response processors(String token) {
        return api.get("/api/admin/projections", token);
    }

    public JsonNode processor(String token, String name) {
        ApiClient.Response response = api.get("/api/admin/projections/" + name, token);
        assertThat(response.status()).as("processor %s: %s", name, response).isEqualTo(200);
        return response.body();
    }

    public ApiClient.Response replay(String token, String name) {
        return api.post("/api/admin/projections/" + name + "/replay", token, null);
    }

    public JsonNode checksum(String token, String name) {
        ApiClient.Response response = api.get("/api/admin/projections/" + name + "/checksum", token);
        assertThat(response.status()).as("checksum %s: %s", name, response).isEqualTo(200);
        return response.body();
    }

    /** The processor once it is running, not replaying, and has applied every event in the store. */
    public JsonNode awaitAtHead(String token, String name) {
        JsonNode[] seen = new JsonNode[1];
        await(name + " at the head").atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen[0] = processor(token, name);
            return seen[0].get("running").asBoolean() && !seen[0].get("replaying").asBoolean()
                    && seen[0].get("lag").asLong() == 0;
        });
        return seen[0];
    }

    public List<JsonNode> deadLetters(String token, String group) {
        ApiClient.Response response = api.get("/api/admin/dead-letters?limit=1000&group=" + group, token);
        assertThat(response.status()).as("dead letters: %s", response).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        response.body().forEach(letters::add);
        return letters;
    }

    /** The parked events of {@code group} in sequence {@code sequence}, once {@code condition} holds for them. */
    public List<JsonNode> awaitDeadLetters(String token, String group, String sequence,
                                           Predicate<List<JsonNode>> condition) {
        List<List<JsonNode>> seen = new ArrayList<>(List.of(List.of()));
        await("dead letters of " + sequence + " in " + group).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    seen.set(0, deadLetters(token, group).stream()
                            .filter(l -> sequence.equals(l.get("sequenceIdentifier").asText())).toList());
                    return condition.test(seen.get(0));
                });
        return seen.get(0);
    }

    public ApiClient.Response retry(String token, String deadLetterId) {
        return api.post("/api/admin/dead-letters/" + deadLetterId + "/retry", token, null);
    }

    public ApiClient.Response evict(String token, String deadLetterId, String reason) {
        return api.post("/api/admin/dead-letters/" + deadLetterId + "/evict", token, json("reason", reason));
    }

    public List<JsonNode> operations(String token, String group) {
        ApiClient.Response response = api.get("/api/admin/projection-operations?group=" + group, token);
        assertThat(response.status()).as("operations: %s", response).isEqualTo(200);
        List<JsonNode> operations = new ArrayList<>();
        response.body().forEach(operations::add);
        return operations;
    }
}

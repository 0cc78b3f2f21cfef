package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The discovery routes as test steps: search, leaderboard, reviews. The discovery read model is kept by a tracking
 * processor, so the {@code await...} steps poll until it shows what a step did.
 */
public final class DiscoveryApi {

    private final ApiClient api;

    public DiscoveryApi(ApiClient api) {
        this.api = api;
    }

    /** {@code GET /api/mentors?<query>} ({@code query} as written, e.g. {@code "q=kafka&sort=price"}), anonymous. */
    public Response search(String query) {
        return api.get("/api/mentors" + (query.isEmpty() ? "" : "?" + query), null);
    }

    /** The search's answer (200 expected). */
    public JsonNode searchOk(String query) {
        Response response = search(query);
        assertThat(response.status()).as("search %s: %s", query, response).isEqualTo(200);
        return response.body();
    }

    /** The ids of the mentors on the search's page, in order. */
    public List<UUID> ids(String query) {
        return ids(searchOk(query).get("mentors"));
    }

    /** Waits until the search's answer satisfies {@code condition}; answers it. */
    public JsonNode awaitSearch(String query, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await("the discovery read model: " + query).atMost(MentorApi.READ_MODEL_WAIT)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Response response = search(query);
                    seen[0] = response.body();
                    return response.status() == 200 && condition.test(response.body());
                });
        return seen[0];
    }

    /** Waits until the search lists exactly {@code expected} mentors (in any order). */
    public JsonNode awaitTotal(String query, int expected) {
        return awaitSearch(query, page -> page.get("totalElements").asInt() == expected);
    }

    public Response leaderboard(int page, int size) {
        return api.get("/api/mentors/leaderboard?page=" + page + "&size=" + size, null);
    }

    /** Every line of the leaderboard, page by page (size 10). */
    public List<JsonNode> wholeLeaderboard() {
        List<JsonNode> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = leaderboard(page, 10);
            assertThat(response.status()).as("leaderboard: %s", response).isEqualTo(200);
            response.body().get("entries").forEach(entries::add);
            if (page + 1 >= response.body().get("totalPages").asInt()) {
                return entries;
            }
        }
    }

    public Response reviews(String token, UUID mentorId, String query) {
        return api.get("/api/mentors/" + mentorId + "/reviews" + (query.isEmpty() ? "" : "?" + query), token);
    }

    /** A URL-encoded query parameter value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static List<UUID> ids(JsonNode mentors) {
        List<UUID> ids = new ArrayList<>();
        mentors.forEach(mentor -> ids.add(UUID.fromString(mentor.get("mentorId").asText())));
        return ids;
    }
}

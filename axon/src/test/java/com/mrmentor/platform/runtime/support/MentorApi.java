package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mentor routes as test steps: apply, decide, suspend, set availability, read profiles and slots. The mentor read
 * model is kept by a tracking processor, so the {@code await...} steps poll until it shows what a step did.
 */
public final class MentorApi {

    /** How long the mentor read model may take to catch up. */
    public static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);

    private final ApiClient api;

    public MentorApi(ApiClient api) {
        this.api = api;
    }

    /** A complete application body (price 2) with the mentor in {@code timeZone}. */
    public static Map<String, Object> profile(String timeZone) {
        return json("headline", "Backend engineer", "bio", "Ten years of services on the JVM.",
                "expertise", List.of("Java", "Spring"), "track", "Backend", "company", "Acme",
                "languages", List.of("English"), "timeZone", timeZone, "pricePerSession", 2);
    }

    /** One weekly window as the API takes it. */
    public static Map<String, Object> weekly(String day, String start, String end) {
        return json("day", day, "start", start, "end", end);
    }

    /** One date window as the API takes it. */
    public static Map<String, Object> window(String start, String end) {
        return json("start", start, "end", end);
    }

    /** The same window on every day of the week. */
    public static List<Map<String, Object>> everyDay(String start, String end) {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            windows.add(weekly(day.name(), start, end));
        }
        return windows;
    }

    // ---- commands -------------------------------------------------------------------------------------------

    public Response applyRequest(String token, Object body) {
        return api.post("/api/mentors/applications", token, body);
    }

    /** Applies with {@link #profile(String)} (201 expected). */
    public void apply(String token, String timeZone) {
        Response response = applyRequest(token, profile(timeZone));
        assertThat(response.status()).as("apply: %s", response).isEqualTo(201);
    }

    public Response approve(String adminToken, UUID userId) {
        return api.post("/api/mentors/applications/" + userId + "/approve", adminToken, null);
    }

    public Response reject(String adminToken, UUID userId, String reason) {
        return api.post("/api/mentors/applications/" + userId + "/reject", adminToken, json("reason", reason));
    }

    public Response suspend(String adminToken, UUID userId, String reason) {
        return api.post("/api/mentors/" + userId + "/suspend", adminToken, json("reason", reason));
    }

    public Response reinstate(String adminToken, UUID userId, String reason) {
        return api.post("/api/mentors/" + userId + "/reinstate", adminToken, json("reason", reason));
    }

    public Response setWeekly(String mentorToken, List<Map<String, Object>> windows, int bufferMinutes) {
        return api.put("/api/mentors/me/availability", mentorToken,
                json("windows", windows, "bufferMinutes", bufferMinutes));
    }

    public Response setDate(String mentorToken, LocalDate date, List<Map<String, Object>> windows) {
        return api.put("/api/mentors/me/availability/dates/" + date, mentorToken, json("windows", windows));
    }

    public Response clearDate(String mentorToken, LocalDate date) {
        return api.send("DELETE", "/api/mentors/me/availability/dates/" + date, mentorToken, null, Map.of());
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    public Response mentor(String token, UUID userId) {
        return api.get("/api/mentors/" + userId, token);
    }

    public Response applications(String adminToken, String status) {
        return api.get("/api/mentors/applications?size=200&status=" + status, adminToken);
    }

    public Response slots(String token, UUID userId, Instant from, Instant to, String tz) {
        return api.get("/api/mentors/" + userId + "/slots?from=" + from + "&to=" + to
                + (tz == null ? "" : "&tz=" + tz), token);
    }

    /** The slots' start instants (200 expected). */
    public List<Instant> slotStarts(String token, UUID userId, Instant from, Instant to) {
        Response response = slots(token, userId, from, to, null);
        assertThat(response.status()).as("slots: %s", response).isEqualTo(200);
        return starts(response.body());
    }

    public static List<Instant> starts(JsonNode slotsAnswer) {
        List<Instant> starts = new ArrayList<>();
        slotsAnswer.get("slots").forEach(slot -> starts.add(Instant.parse(slot.get("start").asText())));
        return starts;
    }

    /** Waits until {@code token} reads mentor {@code userId} (200) and the view satisfies {@code condition}. */
    public JsonNode awaitMentor(String token, UUID userId, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await("the mentor read model").atMost(READ_MODEL_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = mentor(token, userId);
            seen[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return seen[0];
    }

    /** Waits until {@code token} reads mentor {@code userId} in {@code status}. */
    public JsonNode awaitStatus(String token, UUID userId, String status) {
        return awaitMentor(token, userId, view -> status.equals(view.path("status").asText()));
    }

    /** Waits until {@code token} no longer reads mentor {@code userId} (404). */
    public void awaitHidden(String token, UUID userId) {
        await("the mentor hidden").atMost(READ_MODEL_WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> mentor(token, userId).status() == 404);
    }
}

package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mentor-hub routes as test steps: become a mentor, apply, decide, pair, group, log sessions, and read. The hub's
 * read models are kept by tracking processors, so the {@code await...} steps poll until they show what a step did.
 */
public final class HubApi {

    /** How long the hub read models may take to catch up. */
    public static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);

    private final ApiClient api;
    private final IdentityApi identity;
    private final MentorApi mentors;
    private final Supplier<String> admin;

    public HubApi(ApiClient api, IdentityApi identity, Supplier<String> admin) {
        this.api = api;
        this.identity = identity;
        this.mentors = new MentorApi(api);
        this.admin = admin;
    }

    /** An application body to {@code mentorId}. */
    public static Map<String, Object> application(UUID mentorId) {
        return json("mentorId", mentorId, "goals", "Ship my first backend service",
                "interests", List.of("Java", "SQL"), "track", "tech", "background", "Two years of QA");
    }

    // ---- people -----------------------------------------------------------------------------------------------

    /** A new student who applied to mentor and was approved; answers once they hold the MENTOR role and are active. */
    public IdentityApi.Tokens newActiveMentor(String who) {
        IdentityApi.Tokens user = identity.newStudent(who);
        mentors.apply(user.accessToken(), "Asia/Ho_Chi_Minh");
        Response approved = mentors.approve(admin.get(), user.userId());
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(204);
        mentors.awaitStatus(user.accessToken(), user.userId(), "ACTIVE");
        await("the MENTOR role").atMost(READ_MODEL_WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
                identity.me(user.accessToken()).body().path("roles").toString().contains("MENTOR"));
        // the role is in the token's account check, not in the token: a fresh sign-in is not needed
        return user;
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    public Response apply(String token, Object body) {
        return api.post("/api/hub/applications", token, body);
    }

    /** Applies to {@code mentorId} (201 expected) and answers the application id. */
    public UUID applyTo(String menteeToken, UUID mentorId) {
        Response response = apply(menteeToken, application(mentorId));
        assertThat(response.status()).as("apply: %s", response).isEqualTo(201);
        return UUID.fromString(response.body().get("applicationId").asText());
    }

    public Response move(String token, UUID applicationId, String status, String reason) {
        return api.post("/api/hub/applications/" + applicationId + "/status", token,
                json("status", status, "reason", reason));
    }

    /** The mentor invites and interviews (200s expected). */
    public void interview(String mentorToken, UUID applicationId) {
        for (String status : List.of("INVITED_FOR_INTERVIEW", "INTERVIEWED")) {
            Response moved = move(mentorToken, applicationId, status, null);
            assertThat(moved.status()).as("%s: %s", status, moved).isEqualTo(200);
        }
    }

    /** The mentor invites, interviews and accepts (200s expected); answers the pairing id. */
    public UUID pair(String mentorToken, UUID applicationId) {
        interview(mentorToken, applicationId);
        Response accepted = move(mentorToken, applicationId, "ACCEPTED", null);
        assertThat(accepted.status()).as("accept: %s", accepted).isEqualTo(200);
        return UUID.fromString(accepted.body().get("pairingId").asText());
    }

    public Response setCapacity(String mentorToken, Object maxMentees) {
        return api.put("/api/hub/mentors/me/capacity", mentorToken, json("maxMentees", maxMentees));
    }

    public Response end(String token, UUID pairingId, String reason) {
        return api.post("/api/hub/pairings/" + pairingId + "/end", token, reason == null ? null
                : json("reason", reason));
    }

    public Response createGroup(String token, UUID mentorId, String name, String cohort, Integer maxSize) {
        return api.post("/api/hub/groups", token, json("mentorId", mentorId, "name", name, "cohort", cohort,
                "track", "tech", "maxSize", maxSize));
    }

    /** Creates a group (201 expected) and answers its id. */
    public UUID group(String token, UUID mentorId, String cohort, int maxSize) {
        Response created = createGroup(token, mentorId, "Backend circle", cohort, maxSize);
        assertThat(created.status()).as("group: %s", created).isEqualTo(201);
        return UUID.fromString(created.body().get("groupId").asText());
    }

    public Response join(String token, UUID groupId) {
        return api.post("/api/hub/groups/" + groupId + "/join", token, null);
    }

    public Response leave(String token, UUID groupId) {
        return api.post("/api/hub/groups/" + groupId + "/leave", token, null);
    }

    public Response log(String token, UUID pairingId, LocalDate date, Object body) {
        return api.put("/api/hub/pairings/" + pairingId + "/logs/" + date, token, body);
    }

    /** A log half body. */
    public static Map<String, Object> half(String topic, int score, boolean needsSupport, String reason) {
        return json("topic", topic, "score", score, "needsSupport", needsSupport, "supportReason", reason);
    }

    /** Submits a half (204 expected). */
    public void logHalf(String token, UUID pairingId, LocalDate date, String topic, int score) {
        Response logged = log(token, pairingId, date, half(topic, score, false, null));
        assertThat(logged.status()).as("log: %s", logged).isEqualTo(204);
    }

    public Response resolve(String token, UUID supportRequestId, String note) {
        return api.post("/api/hub/admin/support-requests/" + supportRequestId + "/resolve", token,
                note == null ? null : json("note", note));
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    public Response get(String path, String token) {
        return api.get(path, token);
    }

    /** Waits until GET {@code path} answers 200 with a body satisfying {@code condition}; answers that body. */
    public JsonNode awaitRead(String path, String token, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await("GET " + path).atMost(READ_MODEL_WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response response = api.get(path, token);
                    seen[0] = response.body();
                    return response.status() == 200 && condition.test(response.body());
                });
        return seen[0];
    }

    /** The element of {@code array} whose {@code field} is {@code value}, or null. */
    public static JsonNode find(JsonNode array, String field, Object value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(String.valueOf(value))) {
                return element;
            }
        }
        return null;
    }

    /** The values of {@code field} of every element of {@code array}. */
    public static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }
}

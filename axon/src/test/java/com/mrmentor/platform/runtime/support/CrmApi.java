package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sales CRM's routes as test steps. */
public final class CrmApi {

    public static final Duration READ_MODEL_WAIT = Duration.ofSeconds(20);

    /** A signed-in CRM user. */
    public record Person(UUID id, String token, String email) {
    }

    private final ApiClient api;
    private final IdentityApi identity;
    private final Supplier<String> admin;

    public CrmApi(ApiClient api, IdentityApi identity, Supplier<String> admin) {
        this.api = api;
        this.identity = identity;
        this.admin = admin;
    }

    /** A new account with {@code role} (SALES_REP, SALES_HEAD…), signed in. */
    public Person newPerson(String who, String role) {
        IdentityApi.Account account = identity.newAccountByInvitation(admin.get(), who, role);
        return new Person(account.userId(), identity.login(account.email(), account.password()).accessToken(),
                account.email());
    }

    /** A random Indian mobile number, national form (10 digits starting 9). */
    public static String newPhone() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static final java.util.concurrent.atomic.AtomicInteger FORM_WINDOWS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Moves the platform's clock to a moment later than any earlier call's, far ahead: the website form's per-address
     * limit counts every hit after "now minus the window", and every test posts from 127.0.0.1, so each test that
     * posts forms needs a window no other test's hits reach. Reset the clock afterwards.
     */
    public static void travelToFreshFormWindow(TestClock clock) {
        clock.travelTo(java.time.Instant.now().plus(Duration.ofDays(10_000L + 30L * FORM_WINDOWS.incrementAndGet())));
    }

    public static String newCampaign(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Response enter(String token, Map<String, Object> lead) {
        return api.post("/api/crm/leads", token, lead);
    }

    /** Enters a lead (201 or 200 expected) and answers its id. */
    public UUID enterLead(String token, String phone, String campaignId) {
        Response response = enter(token, json("name", "Lead " + phone, "phone", phone, "campaignId", campaignId,
                "city", "Pune", "courseInterest", "Data Science", "language", "en"));
        assertThat(response.status()).as("%s", response).isIn(200, 201);
        return UUID.fromString(response.body().get("leadId").asText());
    }

    public Response form(Map<String, Object> form) {
        return api.post("/api/crm/web-forms", null, form);
    }

    public Response publishRules(String token, List<Map<String, Object>> rules) {
        return api.put("/api/crm/assignment-rules", token, json("rules", rules));
    }

    public static Map<String, Object> rule(String ruleId, String campaignId, String strategy, UUID... reps) {
        return json("ruleId", ruleId, "name", "rule " + ruleId, "campaignId", campaignId, "strategy", strategy,
                "reps", java.util.Arrays.stream(reps).map(r -> json("repId", r, "weight", 1)).toList());
    }

    public void configureRep(String token, UUID repId, int capacity, String availability) {
        Response response = api.put("/api/crm/reps/" + repId, token,
                json("dailyCapacity", capacity, "availability", availability));
        assertThat(response.status()).as("%s", response).isEqualTo(204);
    }

    public Response assign(String token, List<UUID> leadIds, UUID repId) {
        return api.post("/api/crm/assignments", token, json("leadIds", leadIds, "repId", repId, "reason", "test"));
    }

    public Response search(String token, String query) {
        return api.get("/api/crm/leads" + (query.isEmpty() ? "" : "?" + query), token);
    }

    public Response lead(String token, UUID leadId) {
        return api.get("/api/crm/leads/" + leadId, token);
    }

    public JsonNode awaitLead(String token, UUID leadId, Predicate<JsonNode> condition) {
        return awaitRead("/api/crm/leads/" + leadId, token, condition);
    }

    public JsonNode awaitRead(String path, String token, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await("GET " + path).atMost(READ_MODEL_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Response response = api.get(path, token);
                    seen[0] = response.body();
                    return response.status() == 200 && condition.test(response.body());
                });
        return seen[0];
    }

    public JsonNode timeline(String token, UUID leadId) {
        Response response = api.get("/api/crm/leads/" + leadId + "/timeline", token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }
}

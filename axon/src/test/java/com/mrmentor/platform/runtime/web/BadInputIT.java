package com.mrmentor.platform.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the server cannot act on get a problem that says what is wrong, leak nothing of the server's insides,
 * and leave the wallet they name untouched.
 */
class BadInputIT extends IntegrationTest {

    private static final String GRANTS = "/api/tokens/grants";

    @Test
    void malformedJsonIsABadRequest() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().postRaw(GRANTS, admin(),
                "{\"userId\":\"" + user + "\",\"amount\":10,\"category\":\"PAID\",\"reason\":");

        assertProblem(response, 400);
        assertThat(response.problemType()).isEqualTo("/problems/malformed-request");
        assertNoEvents(user);
    }

    @Test
    void anAmountThatIsNotANumberIsABadRequestNamingTheAmount() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post(GRANTS, admin(),
                json("userId", user, "amount", "ten", "category", "PAID", "reason", "typo"));

        assertValidationProblemNaming(response, "amount");
        assertNoEvents(user);
    }

    @Test
    void anUnknownCategoryIsABadRequestNamingTheCategory() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post(GRANTS, admin(),
                json("userId", user, "amount", 10, "category", "GOLD", "reason", "shiny"));

        assertValidationProblemNaming(response, "category");
        assertNoEvents(user);
    }

    @Test
    void anExpiryThatIsNotAnInstantIsABadRequestNamingIt() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post(GRANTS, admin(),
                json("userId", user, "amount", 10, "category", "PAID", "reason", "soon", "expiresAt", "tomorrow"));

        assertValidationProblemNaming(response, "expiresAt");
        assertNoEvents(user);
    }

    @Test
    void anUnknownFieldIsABadRequestNamingIt() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post(GRANTS, admin(),
                json("userId", user, "amount", 10, "category", "PAID", "reason", "extra", "bonus", 5));

        assertValidationProblemNaming(response, "bonus");
        assertNoEvents(user);
    }

    @Test
    void anEmptyGrantNamesEveryMissingField() {
        ApiClient.Response response = api().post(GRANTS, admin(), json());

        assertProblem(response, 400);
        assertThat(response.problemType()).isEqualTo("/problems/validation");
        assertThat(fieldsNamedIn(response)).containsExactlyInAnyOrder("userId", "amount", "category", "reason");
    }

    @Test
    void eachMissingFieldIsNamedOnItsOwn() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        Map<String, Object> complete = json("userId", user, "amount", 10, "category", "PAID", "reason", "ok");

        for (String field : List.of("amount", "category", "reason")) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(complete);
            body.remove(field);
            assertValidationProblemNaming(api().post(GRANTS, admin, body), field);
        }
        Map<String, Object> withoutUser = new java.util.LinkedHashMap<>(complete);
        withoutUser.remove("userId");
        assertValidationProblemNaming(api().post(GRANTS, admin, withoutUser), "userId");
        assertValidationProblemNaming(api().post(GRANTS, admin,
                json("userId", user, "amount", 10, "category", "PAID", "reason", "   ")), "reason");
        assertNoEvents(user);
    }

    @Test
    void zeroAndNegativeAmountsAreBadRequestsNamingTheAmount() {
        String admin = admin();
        UUID user = UUID.randomUUID();

        for (long amount : new long[] {0, -5}) {
            assertValidationProblemNaming(api().post(GRANTS, admin,
                    json("userId", user, "amount", amount, "category", "PAID", "reason", "nothing")), "amount");
            assertValidationProblemNaming(api().post("/api/tokens/holds", admin, json("userId", user,
                    "amount", amount, "reference", "r", "expiresAt", Instant.now().plusSeconds(600).toString())),
                    "amount");
        }
        assertNoEvents(user);
    }

    @Test
    void aReasonLongerThan500CharactersIsABadRequestNamingTheReason() {
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post(GRANTS, admin(),
                json("userId", user, "amount", 10, "category", "PAID", "reason", "x".repeat(501)));

        assertValidationProblemNaming(response, "reason");
        assertNoEvents(user);
    }

    @Test
    void aUserIdThatIsNotAUuidIsABadRequestNamingIt() {
        ApiClient.Response response = api().post(GRANTS, admin(),
                json("userId", "not-a-uuid", "amount", 10, "category", "PAID", "reason", "who?"));

        assertValidationProblemNaming(response, "userId");
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequestNamingIt() {
        ApiClient.Response approve = api().post(GRANTS + "/xyz/approve", finance(), null);
        ApiClient.Response capture = api().post("/api/tokens/holds/xyz/capture", admin(), null);
        ApiClient.Response read = api().get("/api/tokens/accounts/xyz", admin());

        assertValidationProblemNaming(approve, "grantId");
        assertValidationProblemNaming(capture, "holdId");
        assertValidationProblemNaming(read, "userId");
    }

    @Test
    void anExpiryInThePastIsUnprocessable() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        String past = Instant.now().minus(Duration.ofMinutes(1)).toString();

        ApiClient.Response hold = api().post("/api/tokens/holds", admin,
                json("userId", user, "amount", 1, "reference", "late", "expiresAt", past));
        ApiClient.Response grant = api().post(GRANTS, admin,
                json("userId", user, "amount", 1, "category", "PAID", "reason", "late", "expiresAt", past));

        for (ApiClient.Response response : List.of(hold, grant)) {
            assertProblem(response, 422);
            assertThat(response.problemType()).isEqualTo("/problems/expiry-not-in-future");
        }
        assertNoEvents(user);
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        String admin = admin();

        for (ApiClient.Response response : List.of(api().get("/api/nothing-here", admin),
                api().post("/api/tokens/refunds", admin, json("userId", UUID.randomUUID())),
                api().send("DELETE", GRANTS + "/" + UUID.randomUUID(), admin, null, Map.of()))) {
            assertThat(response.status()).as("%s", response).isIn(403, 404);
            assertProblem(response, response.status());
        }
    }

    private void assertValidationProblemNaming(ApiClient.Response response, String field) {
        assertProblem(response, 400);
        assertThat(fieldsNamedIn(response)).as("%s", response).containsExactly(field);
    }

    private static List<String> fieldsNamedIn(ApiClient.Response response) {
        return TokenApi.list(response.body().path("errors")).stream().map(e -> e.get("field").asText()).toList();
    }

    /** A problem+json response of {@code status} with a type, and no trace of the server's code in it. */
    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("%s", response).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertThat(body.path("type").asText()).as("%s", response).startsWith("/problems/");
        assertThat(body.path("status").asInt()).as("%s", response).isEqualTo(status);
        assertThat(response.rawBody()).as("%s", response)
                .doesNotContain("at com.", "at org.", "Exception", "com.mrmentor", "com.fasterxml");
    }

    private void assertNoEvents(UUID user) {
        assertThat(new TokenApi(api()).history(admin(), user)).isEmpty();
    }
}

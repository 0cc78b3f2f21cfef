package com.mrmentor.platform.runtime.identity;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-up user may not do. Forged and expired access tokens ({@code alg: none}, another key, another
 * issuer, expired) are refused in {@link com.mrmentor.platform.runtime.security.AuthenticationIT}; the throttle on
 * failed sign-ins (the 6th within 15 minutes is a 429) in {@link com.mrmentor.platform.runtime.security.SignInThrottleIT}.
 */
class AccessControlIT extends IntegrationTest {

    @Test
    void aStudentCannotUseTheAdministrationRoutes() {
        IdentityApi.Tokens student = identity().newStudent("nosy");
        UUID someone = UUID.randomUUID();

        List<ApiClient.Response> responses = List.of(
                api().get("/api/admin/users", student.accessToken()),
                api().get("/api/admin/users/" + someone, student.accessToken()),
                api().get("/api/admin/users/" + someone + "/events", student.accessToken()),
                api().get("/api/admin/break-glass-sessions", student.accessToken()),
                identity().inviteRequest(student.accessToken(), newEmail("friend"), "ADMIN"),
                identity().changeRoles(student.accessToken(), student.userId(), List.of("ADMIN")),
                identity().adminPost(student.accessToken(), someone, "deactivate", "because"),
                identity().adminPost(student.accessToken(), someone, "erase", "because"),
                api().post("/api/auth/totp/enrolment", student.accessToken(), json("password", "whatever-it-is")));

        assertThat(responses).allSatisfy(response -> assertProblem(response, 403, "forbidden"));
        assertThat(identity().me(student.accessToken()).body().get("roles").toString()).isEqualTo("[\"STUDENT\"]");
    }

    @Test
    void aUserCannotReadAnotherUsersWallet() {
        IdentityApi.Tokens alice = identity().newStudent("alice");
        IdentityApi.Tokens bob = identity().newStudent("bob");
        new TokenApi(api()).grant(admin(), bob.userId(), 12, "PAID");

        for (String path : List.of("/api/tokens/accounts/" + bob.userId(),
                "/api/tokens/accounts/" + bob.userId() + "/ledger",
                "/api/tokens/accounts/" + bob.userId() + "/history")) {
            ApiClient.Response response = api().get(path, alice.accessToken());
            assertProblem(response, 403, "forbidden");
            assertThat(response.rawBody()).doesNotContain("balance");
        }
        assertThat(api().get("/api/tokens/accounts/" + bob.userId(), bob.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aStudentCannotGrantThemselvesTokensOrReadTheGrants() {
        IdentityApi.Tokens student = identity().newStudent("greedy");

        assertProblem(api().post("/api/tokens/grants", student.accessToken(), json("userId", student.userId(),
                "amount", 10, "category", "PAID", "reason", "mine")), 403, "forbidden");
        assertProblem(api().get("/api/tokens/grants", student.accessToken()), 403, "forbidden");
    }
}

package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Deactivation, reactivation and role changes count from the account's next request. */
class AccountAdministrationIT extends IntegrationTest {

    @Test
    void aDeactivatedUsersStillValidTokensAreRefusedAtTheirNextRequest() {
        String email = newEmail("deact");
        identity().signUpAndVerify(email, PASSWORD, "De Activated");
        IdentityApi.Tokens user = identity().login(email, PASSWORD);
        assertThat(identity().me(user.accessToken()).status()).isEqualTo(200);

        ApiClient.Response deactivate = identity().adminPost(admin(), user.userId(), "deactivate", "policy breach");

        assertThat(deactivate.status()).as("%s", deactivate).isEqualTo(204);
        assertProblem(identity().me(user.accessToken()), 401, "unauthenticated");
        assertThat(identity().refreshRequest(user.refreshToken()).status()).isEqualTo(401);
        assertProblem(identity().loginRequest(email, PASSWORD), 403, "account-deactivated");
        JsonNode account = api().get("/api/admin/users/" + user.userId(), admin()).body();
        assertThat(account.get("status").asText()).isEqualTo("DEACTIVATED");
        assertThat(account.get("deactivatedReason").asText()).isEqualTo("policy breach");
    }

    @Test
    void aReactivatedUserSignsInAgainButTheOldSessionsStayRevoked() {
        String email = newEmail("react");
        identity().signUpAndVerify(email, PASSWORD, "Re Activated");
        IdentityApi.Tokens before = identity().login(email, PASSWORD);
        String admin = admin();
        assertThat(identity().adminPost(admin, before.userId(), "deactivate", "pause").status()).isEqualTo(204);

        ApiClient.Response reactivate = identity().adminPost(admin, before.userId(), "reactivate", "resume");

        assertThat(reactivate.status()).as("%s", reactivate).isEqualTo(204);
        IdentityApi.Tokens after = identity().login(email, PASSWORD);
        assertThat(identity().me(after.accessToken()).body().get("status").asText()).isEqualTo("ACTIVE");
        assertProblem(identity().me(before.accessToken()), 401, "unauthenticated");
        assertThat(identity().refreshRequest(before.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void aRoleGivenOrTakenCountsForTheSameAccessTokenFromItsNextRequest() {
        IdentityApi.Tokens user = identity().newStudent("promoted");
        String admin = admin();
        assertProblem(api().get("/api/tokens/grants", user.accessToken()), 403, "forbidden");

        assertThat(identity().changeRoles(admin, user.userId(), List.of("STUDENT", "FINANCE")).status())
                .isEqualTo(204);

        assertThat(api().get("/api/tokens/grants", user.accessToken()).status()).isEqualTo(200);

        assertThat(identity().changeRoles(admin, user.userId(), List.of("STUDENT")).status()).isEqualTo(204);

        assertProblem(api().get("/api/tokens/grants", user.accessToken()), 403, "forbidden");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        IdentityApi.Account self = identity().newAccountByInvitation(admin(), "self-admin", "ADMIN");
        IdentityApi.Tokens signedIn = identity().login(self.email(), self.password());

        assertProblem(identity().adminPost(signedIn.accessToken(), self.userId(), "deactivate", "oops"), 403,
                "cannot-change-own-access");
        assertProblem(identity().adminPost(signedIn.accessToken(), self.userId(), "erase", "oops"), 403,
                "cannot-change-own-access");
        assertProblem(identity().changeRoles(signedIn.accessToken(), self.userId(), List.of("AUDITOR")), 403,
                "cannot-change-own-access");

        JsonNode me = identity().me(signedIn.accessToken()).body();
        assertThat(me.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }
}

package com.mrmentor.platform.runtime.identity;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An account belongs to platforms; it acts only in them, and staff see only the request's platform. */
class PlatformsIT extends IntegrationTest {

    private static final Map<String, String> MAS = Map.of("X-Platform", "mas");
    private static final Map<String, String> MR_MENTOR = Map.of("X-Platform", "mr-mentor");
    private static final Map<String, String> MR_HIRE = Map.of("X-Platform", "mr-hire");

    @Test
    void aUserWhoSignedUpOnMasCannotActInMrMentor() {
        String email = newEmail("mas-only");
        identity().signUpAndVerify(email, PASSWORD, "Mas Only", MAS);
        IdentityApi.Tokens tokens = IdentityApi.tokens(identity().loginRequest(email, PASSWORD, MAS));

        ApiClient.Response elsewhere = api().get("/api/auth/me", tokens.accessToken(), MR_MENTOR);

        assertProblem(elsewhere, 403, "platform-not-allowed");
        ApiClient.Response own = api().get("/api/auth/me", tokens.accessToken(), MAS);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("platforms").toString()).isEqualTo("[\"mas\"]");
        assertThat(identity().me(tokens.accessToken()).status()).as("no header: the caller's own platform")
                .isEqualTo(200);
    }

    @Test
    void staffSeeOnlyTheAccountsOfTheRequestsPlatform() {
        String email = newEmail("mas-hidden");
        UUID masUser = identity().signUpAndVerify(email, PASSWORD, "Mas Hidden", MAS);
        String admin = admin(); // belongs to every platform

        assertThat(identity().accounts(admin, email, MR_HIRE).get("total").asLong()).isZero();
        assertThat(identity().accounts(admin, email, MR_MENTOR).get("total").asLong()).isZero();
        assertThat(identity().accounts(admin, email, MAS).get("total").asLong()).isEqualTo(1);

        assertThat(api().get("/api/admin/users/" + masUser, admin, MR_MENTOR).status()).isEqualTo(404);
        assertThat(api().get("/api/admin/users/" + masUser + "/events", admin, MR_MENTOR).status()).isEqualTo(404);
        assertThat(api().get("/api/admin/users/" + masUser, admin).status()).as("default platform").isEqualTo(404);
        assertThat(api().get("/api/admin/users/" + masUser, admin, MAS).status()).isEqualTo(200);
    }

    @Test
    void staffReadOnlyWalletsOfTheRequestsPlatform() {
        String email = newEmail("mas-wallet");
        UUID masUser = identity().signUpAndVerify(email, PASSWORD, "Mas Wallet", MAS);
        String admin = admin();

        assertThat(api().get("/api/tokens/accounts/" + masUser, admin, MR_MENTOR).status()).isEqualTo(404);
        assertThat(api().get("/api/tokens/accounts/" + masUser, admin, MAS).status()).isEqualTo(200);
    }

    @Test
    void grantsToAnotherPlatformsUserAreNeitherListedNorReadable() {
        UUID masUser = identity().signUpAndVerify(newEmail("mas-grant"), PASSWORD, "Mas Grant", MAS);
        String admin = admin();
        UUID grantId = new TokenApi(api()).grant(admin, masUser, 7, "PAID");
        // the grants read model follows the ledger asynchronously: wait until it is there for its own platform
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api().get("/api/tokens/grants/" + grantId, admin, MAS).status()).isEqualTo(200));

        assertThat(api().get("/api/tokens/grants/" + grantId, admin, MR_MENTOR).status()).isEqualTo(404);
        assertThat(api().get("/api/tokens/grants?size=200", admin, MR_MENTOR).rawBody())
                .doesNotContain(grantId.toString());
        assertThat(api().get("/api/tokens/grants?size=200", admin, MAS).rawBody()).contains(grantId.toString());
        assertThat(api().get("/api/tokens/grants?status=GRANTED&size=200", admin, MAS).rawBody())
                .contains(grantId.toString());
    }
}

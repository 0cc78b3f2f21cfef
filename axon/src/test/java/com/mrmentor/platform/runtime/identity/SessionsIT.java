package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in sessions: what a sign-in answers, refresh-token rotation and reuse detection, sign-out. */
class SessionsIT extends IntegrationTest {

    @Test
    void aSignInAnswersABearerAccessTokenForFifteenMinutesAndARefreshToken() {
        String email = newEmail("signin");
        UUID userId = identity().signUpAndVerify(email, PASSWORD, "Sign In");

        ApiClient.Response login = identity().loginRequest(email, PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        JsonNode body = login.body();
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("refreshExpiresIn").asLong()).isEqualTo(30L * 24 * 3600);
        assertThat(body.get("accessToken").asText()).isNotBlank();
        assertThat(body.get("refreshToken").asText()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        JsonNode me = identity().me(body.get("accessToken").asText()).body();
        assertThat(me.get("userId").asText()).isEqualTo(userId.toString());
        assertThat(me.get("lastSignInAt").isNull()).isFalse();
    }

    @Test
    void aRefreshRotatesAndEachNewRefreshTokenWorksOnce() {
        IdentityApi.Tokens signIn = identity().newStudent("rotor");

        IdentityApi.Tokens first = identity().refresh(signIn.refreshToken());
        IdentityApi.Tokens second = identity().refresh(first.refreshToken());

        assertThat(first.refreshToken()).isNotEqualTo(signIn.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(first.userId()).isEqualTo(signIn.userId());
        assertThat(identity().me(second.accessToken()).status()).isEqualTo(200);
        assertThat(identity().me(first.accessToken()).status()).as("same session, still open").isEqualTo(200);
    }

    @Test
    void presentingARetiredRefreshTokenRevokesTheWholeFamily() {
        IdentityApi.Tokens signIn = identity().newStudent("thief");
        IdentityApi.Tokens rotated = identity().refresh(signIn.refreshToken());
        IdentityApi.Tokens newest = identity().refresh(rotated.refreshToken());

        ApiClient.Response replay = identity().refreshRequest(signIn.refreshToken());

        assertProblem(replay, 401, "refresh-token-reused");
        assertProblem(identity().refreshRequest(newest.refreshToken()), 401, "invalid-refresh-token");
        assertProblem(identity().me(newest.accessToken()), 401, "unauthenticated");
        assertProblem(identity().me(signIn.accessToken()), 401, "unauthenticated");
        JsonNode sessions = api().get("/api/admin/users/" + signIn.userId() + "/sessions", admin()).body();
        assertThat(sessions.get(0).get("revokedReason").asText()).isEqualTo("REFRESH_TOKEN_REUSE");
    }

    @Test
    void signOutEndsTheSessionsAccessAndRefreshTokens() {
        IdentityApi.Tokens signIn = identity().newStudent("leaver");
        assertThat(identity().me(signIn.accessToken()).status()).isEqualTo(200);

        ApiClient.Response logout = api().post("/api/auth/logout", signIn.accessToken(), null);

        assertThat(logout.status()).as("%s", logout).isEqualTo(204);
        assertProblem(identity().me(signIn.accessToken()), 401, "unauthenticated");
        assertProblem(identity().refreshRequest(signIn.refreshToken()), 401, "invalid-refresh-token");
    }

    @Test
    void signOutEndsOnlyThatSession() {
        String email = newEmail("two-devices");
        identity().signUpAndVerify(email, PASSWORD, "Two Devices");
        IdentityApi.Tokens laptop = identity().login(email, PASSWORD);
        IdentityApi.Tokens phone = identity().login(email, PASSWORD);

        assertThat(api().post("/api/auth/logout", laptop.accessToken(), null).status()).isEqualTo(204);

        assertThat(identity().me(phone.accessToken()).status()).isEqualTo(200);
        assertThat(identity().refreshRequest(phone.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        assertProblem(identity().refreshRequest("not-a-token-" + UUID.randomUUID()), 401, "invalid-refresh-token");
    }

    @Test
    void meNeedsAToken() {
        assertProblem(identity().me(null), 401, "unauthenticated");
    }
}

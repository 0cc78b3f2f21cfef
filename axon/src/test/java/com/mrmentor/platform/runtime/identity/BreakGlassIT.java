package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.command.identity.Totp;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergency sign-in for administrators: password plus the current authenticator code, each code usable once, every
 * use recorded for auditors. Each test enrols its own administrator (made by invitation), so the configured ones
 * stay untouched.
 */
class BreakGlassIT extends IntegrationTest {

    @Test
    void anEnrolledAdministratorSignsInWithPasswordAndCodeOnceAndAuditorsSeeIt() {
        IdentityApi.Account admin = identity().newAccountByInvitation(admin(), "glass", "ADMIN");
        String secret = enrol(admin);
        // the confirmation used the current step; the next one is within the allowed drift
        String code = Totp.codeAt(secret, Instant.now().plus(Duration.ofSeconds(Totp.STEP_SECONDS)));

        ApiClient.Response breakGlass = breakGlass(admin.email(), admin.password(), code);

        IdentityApi.Tokens tokens = IdentityApi.tokens(breakGlass);
        assertThat(tokens.userId()).isEqualTo(admin.userId());
        assertThat(identity().me(tokens.accessToken()).status()).isEqualTo(200);

        assertProblem(breakGlass(admin.email(), admin.password(), code), 401, "invalid-credentials");

        String auditor = auditor();
        ApiClient.Response sessions = api().get("/api/admin/break-glass-sessions", auditor);
        assertThat(sessions.status()).as("%s", sessions).isEqualTo(200);
        assertThat(TokenApi.list(sessions.body()))
                .filteredOn(s -> s.get("userId").asText().equals(admin.userId().toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.get("method").asText()).isEqualTo("BREAK_GLASS"));
        ApiClient.Response events = api().get("/api/admin/users/" + admin.userId() + "/events", auditor);
        assertThat(events.status()).as("%s", events).isEqualTo(200);
        assertThat(TokenApi.list(events.body())).extracting(TokenApi::simpleType)
                .containsOnlyOnce("BreakGlassSignInUsed")
                .contains("TotpEnrolled");
    }

    @Test
    void aWrongCodeOrAnotherAccountsCodeIsRefused() {
        IdentityApi.Account admin = identity().newAccountByInvitation(admin(), "glass-wrong", "ADMIN");
        String secret = enrol(admin);
        String current = Totp.codeAt(secret, Instant.now().plus(Duration.ofSeconds(Totp.STEP_SECONDS)));
        String wrong = String.format("%06d", (Integer.parseInt(current) + 1) % 1_000_000);

        assertProblem(breakGlass(admin.email(), admin.password(), wrong), 401, "invalid-credentials");
        assertProblem(breakGlass(admin.email(), "not-the-password", current), 401, "invalid-credentials");
    }

    @Test
    void aStudentOrAnAdministratorWithoutAnAuthenticatorCannotBreakTheGlass() {
        String studentEmail = IdentityApi.newEmail("glass-student");
        identity().signUpAndVerify(studentEmail, PASSWORD, "Glass Student");
        IdentityApi.Account unenrolled = identity().newAccountByInvitation(admin(), "glass-unenrolled", "ADMIN");

        ApiClient.Response student = breakGlass(studentEmail, PASSWORD, "123456");
        ApiClient.Response admin = breakGlass(unenrolled.email(), unenrolled.password(), "123456");

        assertProblem(student, 401, "invalid-credentials");
        assertProblem(admin, 401, "invalid-credentials");
        assertThat(api().get("/api/admin/users/" + unenrolled.userId() + "/events", auditor()).rawBody())
                .doesNotContain("BreakGlassSignInUsed");
    }

    @Test
    void enrolmentNeedsACorrectCodeToBeConfirmed() {
        IdentityApi.Account admin = identity().newAccountByInvitation(admin(), "glass-enrol", "ADMIN");
        String token = identity().login(admin.email(), admin.password()).accessToken();
        ApiClient.Response started = api().post("/api/auth/totp/enrolment", token,
                json("password", admin.password()));
        String secret = started.body().get("secret").asText();
        String right = Totp.codeAt(secret, Instant.now());
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);

        assertProblem(api().post("/api/auth/totp/enrolment/confirm", token, json("code", wrong)), 422,
                "invalid-code");

        assertThat(identity().me(token).body().get("totpEnrolled").asBoolean()).isFalse();
        assertProblem(breakGlass(admin.email(), admin.password(), right), 401, "invalid-credentials");
    }

    @Test
    void enrolmentNeedsTheCurrentPasswordSoAStolenAccessTokenCannotReplaceTheAuthenticator() {
        IdentityApi.Account admin = identity().newAccountByInvitation(admin(), "glass-steal", "ADMIN");
        String token = identity().login(admin.email(), admin.password()).accessToken();

        ApiClient.Response withoutPassword = api().post("/api/auth/totp/enrolment", token,
                json("password", "not-the-password"));

        assertProblem(withoutPassword, 403, "wrong-password");
        assertThat(withoutPassword.body().has("secret")).isFalse();
    }

    /** Enrols {@code admin}'s authenticator (start, then confirm with the current code) and answers the secret. */
    private String enrol(IdentityApi.Account admin) {
        String token = identity().login(admin.email(), admin.password()).accessToken();
        ApiClient.Response started = api().post("/api/auth/totp/enrolment", token,
                json("password", admin.password()));
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String secret = started.body().get("secret").asText();
        assertThat(started.body().get("otpauthUri").asText()).startsWith("otpauth://totp/").contains(secret);
        ApiClient.Response confirmed = api().post("/api/auth/totp/enrolment/confirm", token,
                json("code", Totp.codeAt(secret, Instant.now())));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(204);
        JsonNode me = identity().me(token).body();
        assertThat(me.get("totpEnrolled").asBoolean()).isTrue();
        return secret;
    }

    private ApiClient.Response breakGlass(String email, String password, String code) {
        return api().post("/api/auth/break-glass", null, json("email", email, "password", password,
                "totpCode", code));
    }
}

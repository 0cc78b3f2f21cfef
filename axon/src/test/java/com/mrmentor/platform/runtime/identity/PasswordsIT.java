package com.mrmentor.platform.runtime.identity;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.MAIL_WAIT;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD_CHANGED_SUBJECT;
import static com.mrmentor.platform.runtime.support.IdentityApi.RESET_SUBJECT;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Forgotten passwords (reset by e-mailed code) and changing a known one. */
class PasswordsIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

    @Test
    void forgotAnswersTheSameForUnknownAndKnownAddressesAndOnlyTheKnownOneGetsACode() {
        String known = newEmail("known");
        identity().signUpAndVerify(known, PASSWORD, "Known Person");
        int seen = mailbox().count(known);
        String unknown = newEmail("unknown");

        ApiClient.Response forKnown = forgot(known);
        ApiClient.Response forUnknown = forgot(unknown);

        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(mailbox().awaitMessageTo(known, seen, MAIL_WAIT).subject()).isEqualTo(RESET_SUBJECT);
        mailbox().assertNothingNewTo(unknown, 0, Duration.ofMillis(1500));
    }

    @Test
    void forgotForAnUnverifiedOrDeactivatedAccountAnswersTheSameAndSendsNothing() {
        String unverified = newEmail("unverified-forgot");
        identity().signUp(unverified, PASSWORD, "Un Verified");
        String deactivated = newEmail("deactivated-forgot");
        UUID deactivatedId = identity().signUpAndVerify(deactivated, PASSWORD, "De Activated");
        assertThat(identity().adminPost(admin(), deactivatedId, "deactivate", "test").status()).isEqualTo(204);
        ApiClient.Response forUnknown = forgot(newEmail("unknown"));

        for (String email : List.of(unverified, deactivated)) {
            int seen = mailbox().count(email);
            ApiClient.Response response = forgot(email);
            assertThat(response.status()).as("%s", response).isEqualTo(202);
            assertThat(response.body()).isEqualTo(forUnknown.body());
            mailbox().assertNothingNewTo(email, seen, Duration.ofMillis(1500));
        }
    }

    @Test
    void aSecondForgotWithinAMinuteAnswersTheSameAndSendsNoSecondCode() {
        String email = newEmail("forgot-twice");
        identity().signUpAndVerify(email, PASSWORD, "Forgot Twice");
        int seen = mailbox().count(email);
        ApiClient.Response first = forgot(email);
        String code = mailbox().awaitCode(email, seen, MAIL_WAIT);

        ApiClient.Response second = forgot(email);

        assertThat(second.status()).as("%s", second).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        mailbox().assertNothingNewTo(email, seen + 1, Duration.ofMillis(1500));
        assertThat(reset(email, code, NEW_PASSWORD).status()).as("the first code still works").isEqualTo(204);
    }

    @Test
    void aResetWithTheMailedCodeReplacesThePasswordAndEndsEverySession() {
        String email = newEmail("reset");
        identity().signUpAndVerify(email, PASSWORD, "Re Setter");
        IdentityApi.Tokens oldSession = identity().login(email, PASSWORD);
        int seen = mailbox().count(email);
        forgot(email);
        String code = mailbox().awaitCode(email, seen, MAIL_WAIT);
        int confirmations = identity().mailsWithSubject(email, PASSWORD_CHANGED_SUBJECT).size();

        ApiClient.Response reset = reset(email, code, NEW_PASSWORD);

        assertThat(reset.status()).as("%s", reset).isEqualTo(204);
        assertProblem(identity().loginRequest(email, PASSWORD), 401, "invalid-credentials");
        identity().login(email, NEW_PASSWORD);
        assertThat(identity().refreshRequest(oldSession.refreshToken()).status()).isEqualTo(401);
        assertProblem(identity().me(oldSession.accessToken()), 401, "unauthenticated");
        assertThat(identity().awaitMail(email, PASSWORD_CHANGED_SUBJECT, confirmations).body()).contains(email);
        // the code is used up
        assertProblem(reset(email, code, "yet-another-passphrase"), 422, "invalid-code");
    }

    @Test
    void aResetWithAWrongCodeOrAWeakPasswordChangesNothing() {
        String email = newEmail("reset-fail");
        identity().signUpAndVerify(email, PASSWORD, "Re Fail");
        int seen = mailbox().count(email);
        forgot(email);
        String code = mailbox().awaitCode(email, seen, MAIL_WAIT);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        assertProblem(reset(email, wrong, NEW_PASSWORD), 422, "invalid-code");
        assertProblem(reset(email, code, "password123"), 422, "weak-password");
        assertProblem(reset(newEmail("nobody"), code, NEW_PASSWORD), 422, "invalid-code");

        identity().login(email, PASSWORD);
        assertThat(reset(email, code, NEW_PASSWORD).status()).as("the code still works").isEqualTo(204);
    }

    @Test
    void aChangeWithTheWrongCurrentPasswordIsRefused() {
        String email = newEmail("change-wrong");
        identity().signUpAndVerify(email, PASSWORD, "Change Wrong");
        IdentityApi.Tokens session = identity().login(email, PASSWORD);

        ApiClient.Response change = change(session.accessToken(), "not-my-password-at-all", NEW_PASSWORD);

        assertProblem(change, 403, "wrong-password");
        identity().login(email, PASSWORD);
        assertProblem(identity().loginRequest(email, NEW_PASSWORD), 401, "invalid-credentials");
    }

    @Test
    void aChangeEndsTheOtherSessionsButKeepsTheCallersAndIsConfirmedByMail() {
        String email = newEmail("change");
        identity().signUpAndVerify(email, PASSWORD, "Change Me");
        IdentityApi.Tokens caller = identity().login(email, PASSWORD);
        IdentityApi.Tokens other = identity().login(email, PASSWORD);
        int confirmations = identity().mailsWithSubject(email, PASSWORD_CHANGED_SUBJECT).size();

        ApiClient.Response change = change(caller.accessToken(), PASSWORD, NEW_PASSWORD);

        assertThat(change.status()).as("%s", change).isEqualTo(204);
        assertThat(identity().refreshRequest(other.refreshToken()).status()).isEqualTo(401);
        assertProblem(identity().me(other.accessToken()), 401, "unauthenticated");
        assertThat(identity().me(caller.accessToken()).status()).isEqualTo(200);
        assertThat(identity().refreshRequest(caller.refreshToken()).status()).isEqualTo(200);
        assertProblem(identity().loginRequest(email, PASSWORD), 401, "invalid-credentials");
        identity().login(email, NEW_PASSWORD);
        identity().awaitMail(email, PASSWORD_CHANGED_SUBJECT, confirmations);
    }

    @Test
    void aChangeToAWeakPasswordIsRefused() {
        String email = newEmail("change-weak");
        identity().signUpAndVerify(email, PASSWORD, "Change Weak");
        IdentityApi.Tokens session = identity().login(email, PASSWORD);

        assertProblem(change(session.accessToken(), PASSWORD, email), 422, "weak-password");
        assertProblem(change(session.accessToken(), PASSWORD, "short"), 422, "weak-password");
        identity().login(email, PASSWORD);
    }

    private ApiClient.Response forgot(String email) {
        return api().post("/api/auth/password/forgot", null, json("email", email));
    }

    private ApiClient.Response reset(String email, String code, String newPassword) {
        return api().post("/api/auth/password/reset", null, json("email", email, "code", code,
                "newPassword", newPassword));
    }

    private ApiClient.Response change(String token, String current, String next) {
        return api().post("/api/auth/password/change", token, json("currentPassword", current,
                "newPassword", next));
    }
}

package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TestMailbox;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.MAIL_WAIT;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Self sign-up: the e-mailed code, verification, the profile, and what is refused on the way. */
class SignUpIT extends IntegrationTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Test
    void aSignUpIsAcceptedAndTheMailedCodeVerifiesTheAccount() {
        String email = newEmail("ana");

        ApiClient.Response signUp = identity().signUpRequest(email, PASSWORD, "Ana Tester");

        assertThat(signUp.status()).isEqualTo(202);
        assertThat(signUp.body().get("message").asText()).isNotBlank();
        TestMailbox.Mail mail = mailbox().awaitMessageTo(email, MAIL_WAIT);
        assertThat(mail.subject()).isEqualTo(IdentityApi.VERIFICATION_SUBJECT);
        assertThat(mail.body()).contains("Ana Tester");

        ApiClient.Response verified = identity().verifyRequest(email, mail.code());

        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(verified.body().get("stage").asText()).isEqualTo("VERIFIED");
        UUID userId = UUID.fromString(verified.body().get("userId").asText());
        IdentityApi.Tokens tokens = identity().login(email, PASSWORD);
        assertThat(tokens.userId()).isEqualTo(userId);
        JsonNode me = identity().me(tokens.accessToken()).body();
        assertThat(me.get("userId").asText()).isEqualTo(userId.toString());
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("name").asText()).isEqualTo("Ana Tester");
        assertThat(me.get("stage").asText()).isEqualTo("VERIFIED");
        assertThat(me.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(me.get("registrationMethod").asText()).isEqualTo("SIGNUP");
        assertThat(TokenApi.list(me.get("roles"))).extracting(JsonNode::asText).containsExactly("STUDENT");
        assertThat(TokenApi.list(me.get("platforms"))).extracting(JsonNode::asText).containsExactly("mr-mentor");
    }

    @Test
    void anUnverifiedAccountCannotSignIn() {
        String email = newEmail("early");
        identity().signUp(email, PASSWORD, "Early Bird");

        ApiClient.Response login = identity().loginRequest(email, PASSWORD);

        assertProblem(login, 403, "email-not-verified");
        assertThat(login.body().has("accessToken")).isFalse();
    }

    @Test
    void theProfileCompletesTheAccountAndTheStageNeverMovesBack() {
        String email = newEmail("pro");
        identity().signUpAndVerify(email, PASSWORD, "Pro Filer");
        String token = identity().login(email, PASSWORD).accessToken();

        ApiClient.Response first = api().post("/api/auth/profile", token, json("name", "Pro Filer",
                "phone", "+40 721 000 111", "profession", "Engineer", "domain", "Backend",
                "photoUrl", "https://example.com/pro.png"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.body().get("stage").asText()).isEqualTo("PROFILE_COMPLETE");
        JsonNode me = identity().me(token).body();
        assertThat(me.get("stage").asText()).isEqualTo("PROFILE_COMPLETE");
        assertThat(me.get("phone").asText()).isEqualTo("+40 721 000 111");
        assertThat(me.get("profession").asText()).isEqualTo("Engineer");
        assertThat(me.get("domain").asText()).isEqualTo("Backend");
        assertThat(me.get("photoUrl").asText()).isEqualTo("https://example.com/pro.png");
        assertThat(me.get("profileCompletedAt").isNull()).isFalse();

        ApiClient.Response again = api().post("/api/auth/profile", token, json("name", "Pro Filer Jr",
                "phone", "+40 721 000 222", "profession", "Architect", "domain", "Platforms"));

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        JsonNode updated = identity().me(token).body();
        assertThat(updated.get("stage").asText()).isEqualTo("PROFILE_COMPLETE");
        assertThat(updated.get("name").asText()).isEqualTo("Pro Filer Jr");
        assertThat(updated.get("profession").asText()).isEqualTo("Architect");
    }

    @Test
    void weakPasswordsAreRefusedAndNeitherAnAccountNorAMailIsMade() {
        String email = newEmail("weak");
        String localPart = email.substring(0, email.indexOf('@'));
        List<String> weak = List.of("short-pw", email, email.toUpperCase(), localPart, "password123",
                "PASSWORD123", "qwertyuiop");

        for (String password : weak) {
            ApiClient.Response response = identity().signUpRequest(email, password, "Weak Walter");
            assertProblem(response, 422, "weak-password");
        }

        mailbox().assertNothingNewTo(email, 0, QUIET);
        assertThat(accountsMatching(email)).isZero();
        // the address is still free: a good password now gets a code, not the "already registered" notice
        identity().signUpRequest(email, PASSWORD, "Weak Walter");
        assertThat(mailbox().awaitMessageTo(email, MAIL_WAIT).subject()).isEqualTo(IdentityApi.VERIFICATION_SUBJECT);
    }

    @Test
    void anExistingEmailGetsTheSameAnswerAndItsOwnerANoticeWithoutACode() {
        String email = newEmail("taken");
        ApiClient.Response original = identity().signUpRequest(email, PASSWORD, "First Owner");
        identity().verifyRequest(email, mailbox().awaitCode(email, MAIL_WAIT));
        int seen = mailbox().count(email);

        ApiClient.Response duplicate = identity().signUpRequest(email, "another-good-password", "Second Comer");

        assertThat(duplicate.status()).isEqualTo(202);
        assertThat(duplicate.body()).isEqualTo(original.body());
        TestMailbox.Mail notice = mailbox().awaitMessageTo(email, seen, MAIL_WAIT);
        assertThat(notice.subject()).isEqualTo(IdentityApi.SIGN_UP_NOTICE_SUBJECT);
        assertThat(notice.body()).doesNotContainPattern("\\b\\d{6}\\b");
        mailbox().assertNothingNewTo(email, seen + 1, QUIET);
        assertThat(accountsMatching(email)).isEqualTo(1);
        // the original password still signs in, the second one does not
        identity().login(email, PASSWORD);
        assertProblem(identity().loginRequest(email, "another-good-password"), 401, "invalid-credentials");
    }

    @Test
    void fiveWrongCodesExhaustTheCodeAndThenEvenTheRightOneFails() {
        String email = newEmail("guesser");
        String code = identity().signUp(email, PASSWORD, "Guess Er");
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(identity().verifyRequest(email, wrong), 422, "invalid-code");
        }

        // used up: even the right code is refused, with the same answer as any wrong code
        assertProblem(identity().verifyRequest(email, code), 422, "invalid-code");
        assertProblem(identity().loginRequest(email, PASSWORD), 403, "email-not-verified");
    }

    @Test
    void aCodeForAnUnknownOrVerifiedAddressGetsTheSameAnswerAsAWrongCode() {
        String verified = newEmail("verified-again");
        identity().signUpAndVerify(verified, PASSWORD, "Ver Ified");

        ApiClient.Response unknown = identity().verifyRequest(newEmail("never-signed-up"), "123456");
        ApiClient.Response again = identity().verifyRequest(verified, "123456");

        assertProblem(unknown, 422, "invalid-code");
        assertProblem(again, 422, "invalid-code");
        assertThat(unknown.body().get("detail")).isEqualTo(again.body().get("detail"));
    }

    @Test
    void aSecondCodeWithinAMinuteIsRefusedWith429AndNotSent() {
        String email = newEmail("impatient");
        identity().signUp(email, PASSWORD, "Im Patient");

        ApiClient.Response resend = api().post("/api/auth/verify/resend", null, json("email", email));

        assertProblem(resend, 429, "code-resend-too-soon");
        assertThat(Long.parseLong(resend.header("Retry-After"))).isBetween(1L, 60L);
        mailbox().assertNothingNewTo(email, 1, QUIET);
    }

    @Test
    void aResendForAVerifiedOrUnknownAddressAnswersLikeAnyOtherAndSendsNothing() {
        // Every address, with an account or not, gets one resend a minute; a sign-up starts that minute too. So a
        // verified address just signed up answers 429 exactly like an unverified one, and an unknown address gets
        // 202 once and then 429: the answers never tell which addresses have accounts.
        String verified = newEmail("done");
        identity().signUpAndVerify(verified, PASSWORD, "Al Done");
        int seen = mailbox().count(verified);
        String unknown = newEmail("nobody");

        ApiClient.Response forVerified = api().post("/api/auth/verify/resend", null, json("email", verified));
        ApiClient.Response forUnknown = api().post("/api/auth/verify/resend", null, json("email", unknown));
        ApiClient.Response forUnknownAgain = api().post("/api/auth/verify/resend", null, json("email", unknown));

        assertProblem(forVerified, 429, "code-resend-too-soon");
        assertThat(forUnknown.status()).as("%s", forUnknown).isEqualTo(202);
        assertThat(forUnknown.body().get("message").asText()).startsWith("If the address can be registered");
        assertProblem(forUnknownAgain, 429, "code-resend-too-soon");
        mailbox().assertNothingNewTo(verified, seen, QUIET);
        mailbox().assertNothingNewTo(unknown, 0, Duration.ZERO);
    }

    @Test
    void malformedJsonAndMissingFieldsAreBadRequestsThatCreateNothing() {
        String email = newEmail("broken");

        ApiClient.Response malformed = api().postRaw("/api/auth/signup", null,
                "{\"email\": \"" + email + "\", \"password\": ");
        ApiClient.Response missingPassword = api().post("/api/auth/signup", null,
                json("email", email, "name", "Bro Ken"));
        ApiClient.Response empty = api().postRaw("/api/auth/signup", null, "{}");
        ApiClient.Response notAnEmail = identity().signUpRequest("not-an-email", PASSWORD, "Bro Ken");
        ApiClient.Response verifyWithoutCode = api().post("/api/auth/verify", null, json("email", email));

        assertProblem(malformed, 400, "malformed-request");
        assertProblem(missingPassword, 400, "validation");
        assertThat(fields(missingPassword)).containsExactly("password");
        assertProblem(empty, 400, "validation");
        assertThat(fields(empty)).containsExactlyInAnyOrder("email", "password", "name");
        assertProblem(notAnEmail, 400, "validation");
        assertThat(fields(notAnEmail)).containsExactly("email");
        assertProblem(verifyWithoutCode, 400, "validation");
        assertThat(fields(verifyWithoutCode)).containsExactly("code");
        mailbox().assertNothingNewTo(email, 0, QUIET);
        assertThat(accountsMatching(email)).isZero();
    }

    private long accountsMatching(String email) {
        return identity().accountsMatching(admin(), email);
    }

    private static List<String> fields(ApiClient.Response response) {
        return TokenApi.list(response.body().get("errors")).stream().map(e -> e.get("field").asText()).toList();
    }
}

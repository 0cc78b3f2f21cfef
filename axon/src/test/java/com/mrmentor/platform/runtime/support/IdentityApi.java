package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The identity routes as steps a test reads like a sentence: sign up, read the code from the mailbox, verify, sign
 * in, invite. Steps that return a value check that the server agreed; the {@code ...Request} ones answer the raw
 * response for tests about refusals.
 */
public final class IdentityApi {

    /** A password that passes the policy. */
    public static final String PASSWORD = "correct-horse-battery-staple";
    public static final Duration MAIL_WAIT = Duration.ofSeconds(15);

    public static final String VERIFICATION_SUBJECT = "Your Mentor Platform verification code";
    public static final String SIGN_UP_NOTICE_SUBJECT = "Someone tried to sign up with your e-mail address";
    public static final String RESET_SUBJECT = "Reset your Mentor Platform password";
    public static final String PASSWORD_CHANGED_SUBJECT = "Your Mentor Platform password was changed";
    public static final String INVITATION_SUBJECT = "You are invited to Mentor Platform";

    private static final Pattern INVITATION_TOKEN = Pattern.compile("invitation token is:\\s+(\\S+)");

    /** What a sign-in answers, with the user id read from the access token. */
    public record Tokens(String accessToken, String refreshToken, UUID userId) {
    }

    /** An account a test created, with what it signs in with. */
    public record Account(UUID userId, String email, String password) {
    }

    private final ApiClient api;
    private final TestMailbox mailbox;

    public IdentityApi(ApiClient api, TestMailbox mailbox) {
        this.api = api;
        this.mailbox = mailbox;
    }

    /** A fresh address nobody used, e.g. {@code ana-<uuid>@example.com}. */
    public static String newEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    // ---- sign-up --------------------------------------------------------------------------------------------

    public Response signUpRequest(String email, String password, String name) {
        return signUpRequest(email, password, name, Map.of());
    }

    public Response signUpRequest(String email, String password, String name, Map<String, String> headers) {
        return api.post("/api/auth/signup", null, json("email", email, "password", password, "name", name), headers);
    }

    public Response verifyRequest(String email, String code) {
        return api.post("/api/auth/verify", null, json("email", email, "code", code));
    }

    /** Signs up and answers the code that was mailed for it. */
    public String signUp(String email, String password, String name, Map<String, String> headers) {
        Response response = signUpRequest(email, password, name, headers);
        assertThat(response.status()).as("sign-up: %s", response).isEqualTo(202);
        return mailbox.awaitCode(email, MAIL_WAIT);
    }

    public String signUp(String email, String password, String name) {
        return signUp(email, password, name, Map.of());
    }

    /** Signs up (in the request's platform given by {@code headers}), verifies with the mailed code. */
    public UUID signUpAndVerify(String email, String password, String name, Map<String, String> headers) {
        String code = signUp(email, password, name, headers);
        Response verified = verifyRequest(email, code);
        assertThat(verified.status()).as("verify: %s", verified).isEqualTo(200);
        return UUID.fromString(verified.body().get("userId").asText());
    }

    public UUID signUpAndVerify(String email, String password, String name) {
        return signUpAndVerify(email, password, name, Map.of());
    }

    /** A verified STUDENT of the default platform, signed in. */
    public Tokens newStudent(String who) {
        String email = newEmail(who);
        signUpAndVerify(email, PASSWORD, capitalise(who) + " Tester");
        return login(email, PASSWORD);
    }

    // ---- sign-in --------------------------------------------------------------------------------------------

    public Response loginRequest(String email, String password) {
        return api.post("/api/auth/login", null, json("email", email, "password", password));
    }

    public Response loginRequest(String email, String password, Map<String, String> headers) {
        return api.post("/api/auth/login", null, json("email", email, "password", password), headers);
    }

    public Tokens login(String email, String password) {
        return tokens(loginRequest(email, password));
    }

    public Response refreshRequest(String refreshToken) {
        return api.post("/api/auth/refresh", null, json("refreshToken", refreshToken));
    }

    public Tokens refresh(String refreshToken) {
        return tokens(refreshRequest(refreshToken));
    }

    public Response me(String accessToken) {
        return api.get("/api/auth/me", accessToken);
    }

    /** The tokens of a successful sign-in or refresh (200 expected). */
    public static Tokens tokens(Response response) {
        assertThat(response.status()).as("sign-in: %s", response).isEqualTo(200);
        String access = response.body().get("accessToken").asText();
        return new Tokens(access, response.body().get("refreshToken").asText(), TokenApi.subjectOf(access));
    }

    // ---- invitations ----------------------------------------------------------------------------------------

    public Response inviteRequest(String adminToken, String email, String role) {
        return api.post("/api/admin/invitations", adminToken, json("email", email, "role", role));
    }

    /** Invites {@code email} with {@code role} and answers the token from the invitation mail. */
    public String invite(String adminToken, String email, String role) {
        int seen = mailsWithSubject(email, INVITATION_SUBJECT).size();
        Response response = inviteRequest(adminToken, email, role);
        assertThat(response.status()).as("invite: %s", response).isEqualTo(201);
        return awaitInvitationToken(email, seen);
    }

    /** The token in the first invitation mail to {@code email} after {@code seen} earlier invitation mails. */
    public String awaitInvitationToken(String email, int seen) {
        TestMailbox.Mail mail = awaitMail(email, INVITATION_SUBJECT, seen);
        Matcher token = INVITATION_TOKEN.matcher(mail.body());
        assertThat(token.find()).as("an invitation token in:%n%s", mail.body()).isTrue();
        return token.group(1);
    }

    public Response acceptRequest(String invitationToken, String email, String name, String password) {
        return api.post("/api/auth/invitations/accept", null,
                json("token", invitationToken, "email", email, "name", name, "password", password));
    }

    /**
     * A new account with {@code role}, made by invitation (so that tests which change an account's access never
     * touch the shared configured accounts).
     */
    public Account newAccountByInvitation(String adminToken, String who, String role) {
        String email = newEmail(who);
        String token = invite(adminToken, email, role);
        Response accepted = acceptRequest(token, email, capitalise(who) + " Invited", PASSWORD);
        assertThat(accepted.status()).as("accept: %s", accepted).isEqualTo(201);
        return new Account(UUID.fromString(accepted.body().get("userId").asText()), email, PASSWORD);
    }

    // ---- administration -------------------------------------------------------------------------------------

    public Response adminPost(String adminToken, UUID userId, String action, String reason) {
        return api.post("/api/admin/users/" + userId + "/" + action, adminToken, json("reason", reason));
    }

    public Response changeRoles(String adminToken, UUID userId, List<String> roles) {
        return api.put("/api/admin/users/" + userId + "/roles", adminToken, json("roles", roles, "reason", "test"));
    }

    /** The page of accounts matching {@code q} (e-mail or name), as {@code adminToken} sees it (200 expected). */
    public JsonNode accounts(String adminToken, String q, Map<String, String> headers) {
        Response page = api.get("/api/admin/users?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                adminToken, headers);
        assertThat(page.status()).as("accounts: %s", page).isEqualTo(200);
        return page.body();
    }

    /** How many accounts of the default platform match {@code q}. */
    public long accountsMatching(String adminToken, String q) {
        return accounts(adminToken, q, Map.of()).get("total").asLong();
    }

    // ---- mail -----------------------------------------------------------------------------------------------

    /** The mails to {@code email} with {@code subject} so far. */
    public List<TestMailbox.Mail> mailsWithSubject(String email, String subject) {
        return mailbox.messagesTo(email).stream().filter(m -> m.subject().equals(subject)).toList();
    }

    /** Waits for a (further) mail to {@code email} with {@code subject}; answers the newest. */
    public TestMailbox.Mail awaitMail(String email, String subject, int seenWithSubject) {
        await().atMost(MAIL_WAIT).pollInterval(Duration.ofMillis(50)).until(() ->
                mailsWithSubject(email, subject).size() > seenWithSubject);
        List<TestMailbox.Mail> mails = mailsWithSubject(email, subject);
        return mails.get(mails.size() - 1);
    }

    // ---- assertions -----------------------------------------------------------------------------------------

    /** {@code response} is a problem+json with {@code status} and type {@code /problems/<code>}. */
    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("%s", response).startsWith("application/problem+json");
        assertThat(response.problemType()).as("%s", response).isEqualTo("/problems/" + code);
    }

    private static String capitalise(String who) {
        return who.isEmpty() ? who : Character.toUpperCase(who.charAt(0)) + who.substring(1);
    }
}

package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Invitations: e-mailed once, usable once, and only with the address they were sent to. */
class InvitationsIT extends IntegrationTest {

    @Test
    void anInvitationIsAcceptedOnlyWithTheInvitedEmailAndOnlyOnce() {
        String email = newEmail("x");
        String otherEmail = newEmail("not-x");
        String admin = admin();
        ApiClient.Response invited = identity().inviteRequest(admin, email, "FINANCE");
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        assertThat(invited.body().get("role").asText()).isEqualTo("FINANCE");
        assertThat(invited.body().has("token")).as("the token is only e-mailed").isFalse();
        String token = identity().awaitInvitationToken(email, 0);

        ApiClient.Response wrongEmail = identity().acceptRequest(token, otherEmail, "Not X", PASSWORD);

        assertProblem(wrongEmail, 403, "invitation-email-mismatch");
        assertThat(identity().accountsMatching(admin, otherEmail)).isZero();

        ApiClient.Response accepted = identity().acceptRequest(token, email, "Xavier Finance", PASSWORD);

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        UUID userId = UUID.fromString(accepted.body().get("userId").asText());
        assertThat(userId.toString()).isEqualTo(invited.body().get("userId").asText());
        IdentityApi.Tokens tokens = identity().login(email, PASSWORD);
        assertThat(tokens.userId()).isEqualTo(userId);
        JsonNode me = identity().me(tokens.accessToken()).body();
        assertThat(me.get("roles").toString()).isEqualTo("[\"FINANCE\"]");
        assertThat(me.get("stage").asText()).isEqualTo("VERIFIED");
        assertThat(me.get("registrationMethod").asText()).isEqualTo("INVITATION");
        assertThat(api().get("/api/tokens/grants", tokens.accessToken()).status()).isEqualTo(200);

        assertProblem(identity().acceptRequest(token, email, "Xavier Again", PASSWORD), 409, "invitation-not-open");
        assertThat(identity().accountsMatching(admin, email)).isEqualTo(1);
    }

    @Test
    void invitingAnAlreadyRegisteredEmailIsAConflictAndSendsNothing() {
        String email = newEmail("registered");
        identity().signUpAndVerify(email, PASSWORD, "Al Ready");
        int seen = mailbox().count(email);

        ApiClient.Response invited = identity().inviteRequest(admin(), email, "AUDITOR");

        assertProblem(invited, 409, "email-already-registered");
        mailbox().assertNothingNewTo(email, seen, Duration.ofMillis(1500));
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        String email = newEmail("revoked");
        String admin = admin();
        ApiClient.Response invited = identity().inviteRequest(admin, email, "AUDITOR");
        assertThat(invited.status()).isEqualTo(201);
        String token = identity().awaitInvitationToken(email, 0);

        ApiClient.Response revoke = api().post("/api/admin/invitations/" + invited.body().get("invitationId").asText()
                + "/revoke", admin, json("reason", "sent by mistake"));

        assertThat(revoke.status()).as("%s", revoke).isEqualTo(204);
        assertProblem(identity().acceptRequest(token, email, "Re Voked", PASSWORD), 409, "invitation-not-open");
        assertProblem(identity().loginRequest(email, PASSWORD), 401, "invalid-credentials");
    }

    @Test
    void anUnknownTokenOrAWeakPasswordIsRefused() {
        String email = newEmail("weak-invitee");
        String token = identity().invite(admin(), email, "AUDITOR");

        assertProblem(identity().acceptRequest("no-such-token", email, "No Body", PASSWORD), 404,
                "invitation-not-found");
        assertProblem(identity().acceptRequest(token, email, "Weak Invitee", "password123"), 422, "weak-password");
        assertThat(identity().acceptRequest(token, email, "Weak Invitee", PASSWORD).status())
                .as("the invitation is still open").isEqualTo(201);
    }
}

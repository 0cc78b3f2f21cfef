package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in with a Google ID token, checked against the fake Google's published key. */
class GoogleSignInIT extends IntegrationTest {

    @Test
    void aValidIdTokenForANewEmailCreatesAVerifiedGoogleAccount() {
        String email = newEmail("gina");
        String subject = "google-" + UUID.randomUUID();

        IdentityApi.Tokens tokens = IdentityApi.tokens(google(google().idToken(subject, email, true, "Gina Google")));

        JsonNode me = identity().me(tokens.accessToken()).body();
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("name").asText()).isEqualTo("Gina Google");
        assertThat(me.get("registrationMethod").asText()).isEqualTo("GOOGLE");
        assertThat(me.get("stage").asText()).isEqualTo("VERIFIED");
        assertThat(me.get("googleLinked").asBoolean()).isTrue();
        assertThat(me.get("hasPassword").asBoolean()).isFalse();
        assertThat(me.get("roles").toString()).isEqualTo("[\"STUDENT\"]");

        IdentityApi.Tokens again = IdentityApi.tokens(google(google().idToken(subject, email, true, "Gina Google")));
        assertThat(again.userId()).isEqualTo(tokens.userId());
        assertThat(accountsMatching(email)).isEqualTo(1);
    }

    @Test
    void anExistingPasswordAccountWithTheSameGmailAddressIsLinkedNotDuplicated() {
        String email = gmail("linker");
        UUID userId = identity().signUpAndVerify(email, PASSWORD, "Lin Ker");

        IdentityApi.Tokens tokens = IdentityApi.tokens(
                google(google().idToken("google-" + UUID.randomUUID(), email, true, "Lin Ker")));

        assertThat(tokens.userId()).isEqualTo(userId);
        JsonNode me = identity().me(tokens.accessToken()).body();
        assertThat(me.get("googleLinked").asBoolean()).isTrue();
        assertThat(me.get("registrationMethod").asText()).isEqualTo("SIGNUP");
        assertThat(me.get("hasPassword").asBoolean()).isTrue();
        assertThat(accountsMatching(email)).isEqualTo(1);
        assertThat(identity().login(email, PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void aWorkspaceAccountOfTheAddressesDomainIsLinkedToo() {
        String email = newEmail("workspace");
        UUID userId = identity().signUpAndVerify(email, PASSWORD, "Work Space");
        String idToken = google().sign(google().claims("google-" + UUID.randomUUID(), email, true, "Work Space")
                .claim("hd", "example.com").build());

        assertThat(IdentityApi.tokens(google(idToken)).userId()).isEqualTo(userId);
    }

    @Test
    void anExistingAccountIsNotTakenOverByAGoogleAccountThatDoesNotOwnItsAddress() {
        // a consumer Google account made once with someone's work address: Google checked it back then, not now
        String email = newEmail("not-google-owned");
        identity().signUpAndVerify(email, PASSWORD, "Not Owned");

        ApiClient.Response response = google(google().idToken("google-" + UUID.randomUUID(), email, true, "Other"));

        assertProblem(response, 403, "google-link-not-trusted");
        assertThat(response.body().has("accessToken")).isFalse();
        assertThat(identity().login(email, PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void anUnverifiedPasswordAccountIsVerifiedByGoogleAndLosesItsUnprovenPassword() {
        // whoever signed up with the address may not be its owner: Google proves the owner, the password goes
        String email = gmail("unproven");
        identity().signUp(email, PASSWORD, "Un Proven");
        assertProblem(identity().loginRequest(email, PASSWORD), 403, "email-not-verified");

        IdentityApi.Tokens tokens = IdentityApi.tokens(
                google(google().idToken("google-" + UUID.randomUUID(), email, true, null)));

        JsonNode me = identity().me(tokens.accessToken()).body();
        assertThat(me.get("stage").asText()).isEqualTo("VERIFIED");
        assertThat(me.get("googleLinked").asBoolean()).isTrue();
        assertThat(me.get("hasPassword").asBoolean()).isFalse();
        assertProblem(identity().loginRequest(email, PASSWORD), 401, "invalid-credentials");
        assertThat(accountsMatching(email)).isEqualTo(1);
    }

    @Test
    void forgedExpiredOrForeignIdTokensAreRefusedAndCreateNothing() {
        String email = newEmail("forged");
        String subject = "google-" + UUID.randomUUID();
        Map<String, String> tokens = Map.of(
                "expired", google().expiredIdToken(subject, email),
                "wrong audience", google().idTokenForAudience("someone-else.apps.googleusercontent.com", subject,
                        email),
                "wrong issuer", google().idTokenFromIssuer("https://evil.example.com", subject, email),
                "foreign key", google().idTokenSignedByForeignKey(subject, email),
                "alg none", google().unsignedIdToken(subject, email),
                "HS256 with the public key", google().hmacIdTokenWithPublicKey(subject, email),
                "garbage", "not.a.jwt");

        tokens.forEach((what, idToken) -> {
            ApiClient.Response response = google(idToken);
            assertProblem(response, 401, "invalid-id-token");
            assertThat(response.body().has("accessToken")).as(what).isFalse();
        });
        assertThat(accountsMatching(email)).isZero();
    }

    @Test
    void anAddressGoogleHasNotVerifiedIsRefused() {
        String email = newEmail("unverified-google");

        ApiClient.Response response = google(google().idToken("google-" + UUID.randomUUID(), email, false, "Un"));

        assertProblem(response, 401, "google-email-not-verified");
        assertThat(accountsMatching(email)).isZero();
    }

    private ApiClient.Response google(String idToken) {
        return api().post("/api/auth/google", null, json("idToken", idToken));
    }

    private long accountsMatching(String email) {
        return identity().accountsMatching(admin(), email);
    }

    /** An address Google is authoritative for, so that it may stand for an existing account. */
    private static String gmail(String who) {
        return who + "-" + UUID.randomUUID() + "@gmail.com";
    }
}

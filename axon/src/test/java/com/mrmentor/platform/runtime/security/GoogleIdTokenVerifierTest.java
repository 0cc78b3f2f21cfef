package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.command.identity.GoogleIdTokens.GoogleIdentity;
import com.mrmentor.platform.command.identity.GoogleIdTokens.InvalidIdToken;
import com.mrmentor.platform.runtime.support.FakeGoogle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only tokens Google signed, for this platform, unexpired, naming an account and an e-mail, are believed. */
class GoogleIdTokenVerifierTest {

    private static FakeGoogle google;

    private final GoogleIdTokenVerifier verifier = verifier(FakeGoogle.CLIENT_ID, google.jwksUri());

    @BeforeAll
    static void startGoogle() {
        google = FakeGoogle.start();
    }

    @AfterAll
    static void stopGoogle() {
        google.close();
    }

    @Test
    void aValidTokenYieldsTheIdentity() {
        GoogleIdentity identity = verifier.verify(google.idToken("1098765", "asha@gmail.com", true, "Asha Rao"));

        assertThat(identity).isEqualTo(new GoogleIdentity("1098765", "asha@gmail.com", true, "Asha Rao", null));
    }

    @Test
    void anUnverifiedEmailIsReportedAsSuchForTheCallerToDecide() {
        GoogleIdentity identity = verifier.verify(google.idToken("1098766", "new@example.com", false, null));

        assertThat(identity.emailVerified()).isFalse();
        assertThat(identity.name()).isNull();
    }

    @Test
    void theBareIssuerFormIsAcceptedToo() {
        String token = google.sign(google.claims("1098767", "bare@gmail.com", true, null)
                .issuer("accounts.google.com").build());

        assertThat(verifier.verify(token).subject()).isEqualTo("1098767");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(google.expiredIdToken("1", "late@gmail.com"), "expired");
    }

    @Test
    void aTokenThatExpiredWithinTheClockSkewIsAccepted() {
        String token = google.sign(google.claims("1098768", "skew@gmail.com", true, null)
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(Instant.now().minusSeconds(20))).build());

        assertThat(verifier.verify(token).email()).isEqualTo("skew@gmail.com");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String token = google.sign(google.claims("1", "forever@gmail.com", true, null).expirationTime(null).build());

        assertRefused(token, "expired or is not valid yet");
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() {
        assertRefused(google.idTokenForAudience("someone-else.apps.googleusercontent.com", "1", "a@gmail.com"),
                "another application");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(google.idTokenFromIssuer("https://evil.example.com", "1", "a@gmail.com"), "not issued by Google");
    }

    @Test
    void aTokenSignedByAKeyGoogleDoesNotPublishIsRefused() {
        assertRefused(google.idTokenSignedByForeignKey("1", "a@gmail.com"), "not signed by Google");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(google.unsignedIdToken("1", "a@gmail.com"), "not signed by Google");
    }

    @Test
    void aTokenHmacSignedWithThePublicKeyIsRefused() {
        assertRefused(google.hmacIdTokenWithPublicKey("1", "a@gmail.com"), "not signed by Google");
    }

    @Test
    void aTokenWithoutEmailIsRefused() {
        assertRefused(google.idToken("1", null, true, "No Mail"), "no e-mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA", " "})
    void garbageIsRefused(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidIdToken.class);
    }

    @Test
    void refusalsNeverEchoTheToken() {
        String token = google.idTokenForAudience("other", "1", "a@gmail.com");

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidIdToken.class)
                .message().doesNotContain(token.substring(0, 20)).doesNotContain("a@gmail.com");
    }

    @Test
    void withoutAClientIdGoogleSignInIsOffAndGoogleIsNotAsked() {
        int fetchesBefore = google.jwksRequests();
        GoogleIdTokenVerifier off = verifier("", google.jwksUri());

        assertThatThrownBy(() -> off.verify(google.idToken("1", "a@gmail.com", true, null)))
                .isInstanceOf(InvalidIdToken.class).hasMessage("Google sign-in is not configured");
        assertThat(google.jwksRequests()).isEqualTo(fetchesBefore);
    }

    @Test
    void theServerStartsWhileGoogleIsUnreachableAndRefusesSignInUntilItIsBack() throws IOException {
        GoogleIdTokenVerifier unreachable = verifier(FakeGoogle.CLIENT_ID,
                "http://127.0.0.1:" + aClosedPort() + FakeGoogle.JWKS_PATH);

        assertThatThrownBy(() -> unreachable.verify(google.idToken("1", "a@gmail.com", true, null)))
                .isInstanceOf(InvalidIdToken.class).hasMessageContaining("unavailable");
    }

    @Test
    void keysAreFetchedOnceAndReused() {
        GoogleIdTokenVerifier fresh = verifier(FakeGoogle.CLIENT_ID, google.jwksUri());
        int fetchesBefore = google.jwksRequests();

        for (int i = 0; i < 5; i++) {
            fresh.verify(google.idToken("user-" + i, "u" + i + "@gmail.com", true, null));
        }

        assertThat(google.jwksRequests() - fetchesBefore).isEqualTo(1);
    }

    @Test
    void aRotatedKeyIsPickedUpWithoutARestart() {
        GoogleIdTokenVerifier longRunning = verifier(FakeGoogle.CLIENT_ID, google.jwksUri());
        longRunning.verify(google.idToken("before", "before@gmail.com", true, null));

        google.rotateKey();

        assertThat(longRunning.verify(google.idToken("after", "after@gmail.com", true, null)).subject())
                .isEqualTo("after");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidIdToken.class)
                .hasMessageContaining(reason);
    }

    private static GoogleIdTokenVerifier verifier(String clientId, String jwksUri) {
        return new GoogleIdTokenVerifier(new GoogleProperties(clientId, jwksUri,
                List.of("accounts.google.com", "https://accounts.google.com"), Duration.ofSeconds(60)),
                Clock.systemUTC());
    }

    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

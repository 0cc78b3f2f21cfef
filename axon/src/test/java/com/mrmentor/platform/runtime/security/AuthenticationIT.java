package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, and which bearer tokens the server believes. */
class AuthenticationIT extends IntegrationTest {

    private static final String LOGIN = "/api/auth/login";

    @Value("${platform.security.jwt.secret}")
    String testSecret;

    @Test
    void aWrongPasswordIsRefusedAsInvalidCredentials() {
        ApiClient.Response response = api().post(LOGIN, null,
                json("email", "admin@test.local", "password", "not-the-password"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/invalid-credentials");
        assertThat(response.body().has("accessToken")).isFalse();
    }

    @Test
    void anUnknownEmailGetsExactlyTheSameAnswerAsAWrongPassword() {
        ApiClient.Response wrongPassword = api().post(LOGIN, null,
                json("email", "admin@test.local", "password", "not-the-password"));
        ApiClient.Response unknownEmail = api().post(LOGIN, null,
                json("email", "nobody-" + UUID.randomUUID() + "@test.local", "password", "not-the-password"));

        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void aSuccessfulLoginAnswersABearerTokenForFifteenMinutes() {
        ApiClient.Response response = api().post(LOGIN, null,
                json("email", "finance@test.local", "password", "finance-test-password"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(response.body().get("expiresIn").asLong()).isEqualTo(900);
        String token = response.body().get("accessToken").asText();
        assertThat(api().get("/api/tokens/grants", token).status()).isEqualTo(200);
    }

    @Test
    void aTokenWeSignLikeTheServerIsAccepted() {
        // The control for the forged tokens below: the same recipe with nothing wrong passes.
        String token = sign(claims("mentor-platform", Instant.now().plusSeconds(300)), testKey());

        assertThat(api().get("/api/tokens/grants", token).status()).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = new PlainJWT(claims("mentor-platform", Instant.now().plusSeconds(300))).serialize();

        assertRefused(token);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);

        assertRefused(sign(claims("mentor-platform", Instant.now().plusSeconds(300)), otherKey));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(sign(claims("someone-else", Instant.now().plusSeconds(300)), testKey()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Well past the validator's one-minute allowance for clock skew.
        assertRefused(sign(claims("mentor-platform", Instant.now().minus(Duration.ofMinutes(5))), testKey()));
    }

    @Test
    void healthAndTheApiDescriptionArePublic() {
        ApiClient.Response health = api().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        for (String probe : java.util.List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            ApiClient.Response answer = api().get(probe, null);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.body().get("status").asText()).isEqualTo("UP");
        }

        ApiClient.Response apiDocs = api().get("/v3/api-docs", null);
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.body().get("paths").has("/api/tokens/grants")).isTrue();
    }

    @Test
    void metricsAreForAdminsOnly() {
        ApiClient.Response anonymous = api().get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

        ApiClient.Response byStudent = api().get("/actuator/prometheus", student());
        assertThat(byStudent.status()).isEqualTo(403);
        assertThat(byStudent.header("Content-Type")).startsWith("application/problem+json");

        ApiClient.Response byAdmin = api().get("/actuator/prometheus", admin());
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.rawBody()).contains("jvm_memory_used_bytes");
    }

    private void assertRefused(String token) {
        ApiClient.Response response = api().get("/api/tokens/grants", token);

        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    /**
     * Claims like the server's own: the bootstrap admin's subject and one of its live sessions, issued a while before
     * they expire. Only the issuer, expiry, key or algorithm differ between the tests.
     */
    private JWTClaimsSet claims(String issuer, Instant expiresAt) {
        JWTClaimsSet real = parse(admin());
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(real.getSubject())
                .claim("sid", real.getClaim("sid"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .claim("email", "forger@test.local")
                .claim("roles", List.of("ADMIN"))
                .build();
    }

    private static JWTClaimsSet parse(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] testKey() {
        return Base64.getDecoder().decode(testSecret);
    }

    private static String sign(JWTClaimsSet claims, byte[] key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

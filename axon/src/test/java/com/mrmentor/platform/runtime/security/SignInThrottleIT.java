package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.command.identity.SignInThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins are limited per account and per client address. */
class SignInThrottleIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSixthFailedSignInWithinFifteenMinutesIsRefusedWith429EvenWithTheRightPassword() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login("throttled@test.local", "wrong-" + attempt).status()).isEqualTo(401);
        }

        ApiClient.Response sixth = login("throttled@test.local", "throttled-test-password");

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
        assertThat(sixth.problemType()).isEqualTo("/problems/too-many-sign-in-attempts");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(sixth.body().has("accessToken")).isFalse();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login("forgetful@test.local", "wrong-" + attempt).status()).isEqualTo(401);
        }
        assertThat(login("forgetful@test.local", "forgetful-test-password").status()).isEqualTo(200);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login("forgetful@test.local", "wrong-again-" + attempt).status()).isEqualTo(401);
        }
        assertThat(login("forgetful@test.local", "forgetful-test-password").status()).isEqualTo(200);
    }

    @Test
    void fiveFailuresFromOneAddressBlockEveryAccountFromThatAddress() {
        // The same throttle over the same table, with the production limits (the ITs' own limit per IP is raised
        // because every test signs in from 127.0.0.1).
        SignInThrottle throttle = new SignInThrottle(jdbc, Clock.systemUTC(), Duration.ofMinutes(15), 5, 5);
        String address = "203.0.113." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blockedFor("guess-" + i + "@example.com", address)).isEmpty();
            throttle.recordFailure("guess-" + i + "@example.com", address);
        }

        assertThat(throttle.blockedFor("someone-else@example.com", address))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(throttle.blockedFor("someone-else@example.com", "198.51.100.1")).isEmpty();
    }

    private ApiClient.Response login(String email, String password) {
        return api().post("/api/auth/login", null, Map.of("email", email, "password", password));
    }
}

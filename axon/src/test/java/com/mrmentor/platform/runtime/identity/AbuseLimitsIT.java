package com.mrmentor.platform.runtime.identity;

import com.mrmentor.platform.command.common.RateLimits;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits on the unauthenticated identity routes. The failed sign-in throttle has its own test
 * ({@link com.mrmentor.platform.runtime.security.SignInThrottleIT}).
 */
class AbuseLimitsIT extends IntegrationTest {

    @Autowired
    RateLimits rateLimits;

    @Test
    void theSixthResetRequestForOneAddressWithinTheWindowIsRefusedWithRetryAfter() {
        String email = newEmail("reset-spam");
        identity().signUpAndVerify(email, PASSWORD, "Reset Spam");

        for (int request = 1; request <= 5; request++) {
            assertThat(forgot(email).status()).as("request %d", request).isEqualTo(202);
        }
        ApiClient.Response sixth = forgot(email);

        assertProblem(sixth, 429, "too-many-reset-requests");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(forgot(newEmail("someone-else")).status()).as("other addresses are not affected").isEqualTo(202);
    }

    @Test
    void anUnknownAddressIsLimitedTheSameWaySoTheLimitRevealsNothing() {
        String email = newEmail("reset-unknown");

        for (int request = 1; request <= 5; request++) {
            assertThat(forgot(email).status()).isEqualTo(202);
        }

        assertProblem(forgot(email), 429, "too-many-reset-requests");
    }

    @Test
    void perAddressLimitsCountInTheDatabaseWithTheProductionValues() {
        // The ITs raise the per-address limits (every test calls from 127.0.0.1); the same counter with the
        // production sign-up limit, on an address of its own:
        String address = "198.51.100." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250)) + "-" + UUID.randomUUID();
        Duration window = Duration.ofMinutes(15);
        for (int signUp = 1; signUp <= 10; signUp++) {
            assertThat(rateLimits.tryAcquire("sign-up", address, 10, window)).as("sign-up %d", signUp).isEmpty();
        }

        assertThat(rateLimits.tryAcquire("sign-up", address, 10, window))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(window));
        assertThat(rateLimits.tryAcquire("sign-up", address + "-other", 10, window)).isEmpty();
    }

    private ApiClient.Response forgot(String email) {
        return api().post("/api/auth/password/forgot", null, json("email", email));
    }
}

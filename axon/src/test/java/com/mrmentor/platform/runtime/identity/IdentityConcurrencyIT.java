package com.mrmentor.platform.runtime.identity;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static com.mrmentor.platform.runtime.support.IdentityApi.MAIL_WAIT;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.SIGN_UP_NOTICE_SUBJECT;
import static com.mrmentor.platform.runtime.support.IdentityApi.VERIFICATION_SUBJECT;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Requests that race for the same address, refresh token or invitation leave one winner and a consistent state. */
class IdentityConcurrencyIT extends IntegrationTest {

    private static final int RACERS = 8;

    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void racingSignUpsForOneNewAddressMakeExactlyOneAccountAndMailOneCode() throws Exception {
        String email = newEmail("racer");
        IdentityApi identity = identity();

        List<ApiClient.Response> responses = race(i -> () ->
                identity.signUpRequest(email, PASSWORD, "Racer " + i));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(202));
        assertThat(responses).extracting(ApiClient.Response::body).containsOnly(responses.get(0).body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE email = ?", Long.class, email))
                .isEqualTo(1);
        // every sign-up mails something: the winner a code, each loser the "already registered" notice
        await().atMost(MAIL_WAIT).until(() -> mailbox().count(email) >= RACERS);
        mailbox().assertNothingNewTo(email, RACERS, Duration.ofMillis(1500));
        assertThat(identity().mailsWithSubject(email, VERIFICATION_SUBJECT)).hasSize(1);
        assertThat(identity().mailsWithSubject(email, SIGN_UP_NOTICE_SUBJECT)).hasSize(RACERS - 1);
        String code = identity().mailsWithSubject(email, VERIFICATION_SUBJECT).get(0).code();
        assertThat(identity().verifyRequest(email, code).status()).isEqualTo(200);
        assertThat(identity().login(email, PASSWORD).userId()).isNotNull();
    }

    @Test
    void racingRefreshesWithOneTokenLeaveAtMostOneRotationAndARevokedFamily() throws Exception {
        IdentityApi.Tokens signIn = identity().newStudent("twin");

        List<ApiClient.Response> responses = race(i -> () -> identity().refreshRequest(signIn.refreshToken()));

        List<ApiClient.Response> rotated = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(rotated).hasSizeLessThanOrEqualTo(1);
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(401))
                .anySatisfy(r -> assertThat(r.problemType()).isEqualTo("/problems/refresh-token-reused"));
        for (ApiClient.Response winner : rotated) {
            IdentityApi.Tokens tokens = IdentityApi.tokens(winner);
            assertThat(identity().refreshRequest(tokens.refreshToken()).status()).isEqualTo(401);
            assertProblem(identity().me(tokens.accessToken()), 401, "unauthenticated");
        }
        assertProblem(identity().me(signIn.accessToken()), 401, "unauthenticated");
        assertThat(jdbc.queryForObject("SELECT revoked_reason FROM user_session WHERE user_id = ?", String.class,
                signIn.userId())).isEqualTo("REFRESH_TOKEN_REUSE");
    }

    @Test
    void racingAcceptancesOfOneInvitationMakeOneAccount() throws Exception {
        String email = newEmail("invite-race");
        String token = identity().invite(admin(), email, "AUDITOR");

        List<ApiClient.Response> responses = race(i -> () ->
                identity().acceptRequest(token, email, "Racer " + i, PASSWORD));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(409));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE email = ?", Long.class, email))
                .isEqualTo(1);
        identity().login(email, PASSWORD);
    }

    /** Runs {@link #RACERS} requests released at the same moment; answers their responses. */
    private List<ApiClient.Response> race(IntFunction<Callable<ApiClient.Response>> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Callable<ApiClient.Response> call = request.apply(i);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }
}

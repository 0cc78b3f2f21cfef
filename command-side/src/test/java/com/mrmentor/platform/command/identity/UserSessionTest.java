package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.identity.RefreshTokenReuseDetected;
import com.mrmentor.platform.shared.identity.RevokeSession;
import com.mrmentor.platform.shared.identity.RotateRefreshToken;
import com.mrmentor.platform.shared.identity.RotationOutcome;
import com.mrmentor.platform.shared.identity.SessionRefreshed;
import com.mrmentor.platform.shared.identity.SessionRevocationReason;
import com.mrmentor.platform.shared.identity.SessionRevoked;
import com.mrmentor.platform.shared.identity.SessionStarted;
import com.mrmentor.platform.shared.identity.SignInMethod;
import com.mrmentor.platform.shared.identity.StartSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mrmentor.platform.command.identity.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** A session as a refresh-token family: start, rotation, reuse detection, expiry and revocation. */
class UserSessionTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);
    private static final Instant STARTED_AT = NOW.minus(Duration.ofDays(2));
    private static final Instant REFRESHED_AT = NOW.minus(Duration.ofDays(1));

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-00000000005e");

    private MutableClock clock;
    private RecordingOpaqueTokens tokens;
    private AggregateTestFixture<UserSession> fixture;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW);
        tokens = new RecordingOpaqueTokens();
        fixture = new AggregateTestFixture<>(UserSession.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(IdentityPolicy.defaults());
        fixture.registerInjectableResource(tokens);
    }

    // ---- start ---------------------------------------------------------------------------------------------------

    @Test
    void startingASessionRecordsItAndStoresGenerationZero() {
        fixture.givenNoPriorActivity()
               .when(new StartSession(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR, "refresh-hash-0"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SessionStarted(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR, NOW,
                                                NOW.plus(TTL)));
        assertThat(tokens.stored).containsExactly(
                new RecordingOpaqueTokens.Stored("refresh-hash-0", OpaqueTokens.Kind.REFRESH, SESSION, 0,
                                                 NOW.plus(TTL)));
    }

    @Test
    void startingASessionWithoutATokenHashIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new StartSession(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-session-detail"));
        assertThat(tokens.stored).isEmpty();
    }

    // ---- rotation ------------------------------------------------------------------------------------------------

    @Test
    void presentingGenerationZeroRotatesToGenerationOne() {
        TestExecutor<UserSession> given = fixture.givenCommands(
                new StartSession(SESSION, USER, SignInMethod.GOOGLE, Platform.MAS, "refresh-hash-0"));
        clock.advance(Duration.ofDays(1));
        Instant later = NOW.plus(Duration.ofDays(1));
        given.when(new RotateRefreshToken(SESSION, 0, "refresh-hash-1"))
             .expectSuccessfulHandlerExecution()
             .expectEvents(new SessionRefreshed(SESSION, USER, 1, later, later.plus(TTL)))
             .expectResultMessagePayload(RotationOutcome.rotated(USER, 1, later.plus(TTL)));
        assertThat(tokens.stored).containsExactly(
                new RecordingOpaqueTokens.Stored("refresh-hash-0", OpaqueTokens.Kind.REFRESH, SESSION, 0,
                                                 NOW.plus(TTL)),
                new RecordingOpaqueTokens.Stored("refresh-hash-1", OpaqueTokens.Kind.REFRESH, SESSION, 1,
                                                 later.plus(TTL)));
    }

    @Test
    void presentingTheCurrentGenerationRotatesAgain() {
        fixture.given(started(), refreshed(1), refreshed(2))
               .when(new RotateRefreshToken(SESSION, 2, "refresh-hash-3"))
               .expectEvents(new SessionRefreshed(SESSION, USER, 3, NOW, NOW.plus(TTL)))
               .expectResultMessagePayload(RotationOutcome.rotated(USER, 3, NOW.plus(TTL)));
    }

    @Test
    void presentingARotatedGenerationAgainRevokesTheSession() {
        fixture.given(started(), refreshed(1))
               .when(new RotateRefreshToken(SESSION, 0, "refresh-hash-x"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RefreshTokenReuseDetected(SESSION, USER, 0, 1),
                             new SessionRevoked(SESSION, USER, SessionRevocationReason.REFRESH_TOKEN_REUSE, NOW))
               .expectResultMessagePayload(RotationOutcome.refused(RotationOutcome.Result.REUSED, USER));
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void twoClientsRacingWithTheSameTokenLeaveOneRotationAndARevokedFamily() {
        fixture.givenCommands(new StartSession(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR,
                                               "refresh-hash-0"),
                              new RotateRefreshToken(SESSION, 0, "refresh-hash-1a"))
               .when(new RotateRefreshToken(SESSION, 0, "refresh-hash-1b"))
               .expectEvents(new RefreshTokenReuseDetected(SESSION, USER, 0, 1),
                             new SessionRevoked(SESSION, USER, SessionRevocationReason.REFRESH_TOKEN_REUSE, NOW))
               .expectResultMessagePayload(RotationOutcome.refused(RotationOutcome.Result.REUSED, USER));
        assertThat(tokens.stored).extracting(RecordingOpaqueTokens.Stored::tokenHash)
                                 .containsExactly("refresh-hash-0", "refresh-hash-1a");
    }

    @Test
    void afterRevocationTheCurrentGenerationIsRefusedWithoutAnEvent() {
        fixture.given(started(), refreshed(1), revoked(SessionRevocationReason.LOGOUT))
               .when(new RotateRefreshToken(SESSION, 1, "refresh-hash-2"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(RotationOutcome.refused(RotationOutcome.Result.REVOKED, USER));
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void afterReuseRevokedTheSessionAnOldGenerationIsRefusedWithoutASecondRevocation() {
        fixture.given(started(), refreshed(1), new RefreshTokenReuseDetected(SESSION, USER, 0, 1),
                      revoked(SessionRevocationReason.REFRESH_TOKEN_REUSE))
               .when(new RotateRefreshToken(SESSION, 0, "refresh-hash-x"))
               .expectNoEvents()
               .expectResultMessagePayload(RotationOutcome.refused(RotationOutcome.Result.REVOKED, USER));
    }

    @Test
    void expiredSessionIsRefusedWithoutAnEvent() {
        TestExecutor<UserSession> given = fixture.givenCommands(
                new StartSession(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR, "refresh-hash-0"));
        clock.advance(TTL);
        given.when(new RotateRefreshToken(SESSION, 0, "refresh-hash-1"))
             .expectSuccessfulHandlerExecution()
             .expectNoEvents()
             .expectResultMessagePayload(RotationOutcome.refused(RotationOutcome.Result.EXPIRED, USER));
        assertThat(tokens.stored).extracting(RecordingOpaqueTokens.Stored::tokenHash)
                                 .containsExactly("refresh-hash-0");
    }

    @Test
    void sessionStillRotatesJustBeforeItExpires() {
        TestExecutor<UserSession> given = fixture.givenCommands(
                new StartSession(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR, "refresh-hash-0"));
        clock.advance(TTL.minusSeconds(1));
        Instant later = NOW.plus(TTL).minusSeconds(1);
        given.when(new RotateRefreshToken(SESSION, 0, "refresh-hash-1"))
             .expectEvents(new SessionRefreshed(SESSION, USER, 1, later, later.plus(TTL)))
             .expectResultMessagePayload(RotationOutcome.rotated(USER, 1, later.plus(TTL)));
    }

    @Test
    void expiryIsCountedFromTheLatestRotation() {
        // refreshed a day ago: the family lives 30 days from then, not from the start
        clock.set(STARTED_AT.plus(TTL).plusSeconds(1));
        fixture.given(started(), refreshed(1))
               .when(new RotateRefreshToken(SESSION, 1, "refresh-hash-2"))
               .expectEvents(new SessionRefreshed(SESSION, USER, 2, clock.instant(), clock.instant().plus(TTL)));
    }

    @Test
    void rotationNeverExtendsTheSessionPastItsMaximumLifetime() {
        Instant end = STARTED_AT.plus(Duration.ofDays(90));
        clock.set(end.minus(Duration.ofDays(10)));
        Instant lastRefresh = clock.instant().minus(Duration.ofDays(1));
        fixture.given(started(), new SessionRefreshed(SESSION, USER, 1, lastRefresh, lastRefresh.plus(TTL)))
               .when(new RotateRefreshToken(SESSION, 1, "hash-of-gen-2"))
               .expectEvents(new SessionRefreshed(SESSION, USER, 2, clock.instant(), end));
    }

    @Test
    void aSessionPastItsMaximumLifetimeIsRefusedEvenWithAFreshToken() {
        clock.set(STARTED_AT.plus(Duration.ofDays(90)));
        fixture.given(started(), new SessionRefreshed(SESSION, USER, 1, clock.instant().minusSeconds(60),
                               clock.instant().plus(TTL)))
               .when(new RotateRefreshToken(SESSION, 1, "hash-of-gen-2"))
               .expectNoEvents()
               .expectResultMessagePayload(RotationOutcome.refused(RotationOutcome.Result.EXPIRED, USER));
    }

    @Test
    void generationFromTheFutureIsRefused() {
        fixture.given(started(), refreshed(1))
               .when(new RotateRefreshToken(SESSION, 2, "refresh-hash-x"))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("invalid-refresh-token"));
        assertThat(tokens.stored).isEmpty();
    }

    @Test
    void rotationWithoutANewTokenHashIsRefused() {
        fixture.given(started())
               .when(new RotateRefreshToken(SESSION, 0, null))
               .expectNoEvents()
               .expectException(violation("invalid-refresh-token"));
    }

    // ---- revocation ----------------------------------------------------------------------------------------------

    @Test
    void revokingASessionIsRecorded() {
        fixture.given(started())
               .when(new RevokeSession(SESSION, SessionRevocationReason.LOGOUT))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SessionRevoked(SESSION, USER, SessionRevocationReason.LOGOUT, NOW));
    }

    @Test
    void revokingTwiceRecordsNothingTheSecondTime() {
        fixture.given(started(), revoked(SessionRevocationReason.LOGOUT))
               .when(new RevokeSession(SESSION, SessionRevocationReason.PASSWORD_CHANGED))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void revokingWithoutReasonIsRefused() {
        fixture.given(started())
               .when(new RevokeSession(SESSION, null))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static SessionStarted started() {
        return new SessionStarted(SESSION, USER, SignInMethod.PASSWORD, Platform.MR_MENTOR, STARTED_AT,
                STARTED_AT.plus(TTL));
    }

    private static SessionRefreshed refreshed(int generation) {
        return new SessionRefreshed(SESSION, USER, generation, REFRESHED_AT, REFRESHED_AT.plus(TTL));
    }

    private static SessionRevoked revoked(SessionRevocationReason reason) {
        return new SessionRevoked(SESSION, USER, reason, REFRESHED_AT.plus(Duration.ofHours(1)));
    }
}

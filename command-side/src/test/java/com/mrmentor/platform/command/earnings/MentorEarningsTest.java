package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.earnings.AccrueSessionEarning;
import com.mrmentor.platform.shared.earnings.EarningAvailableDue;
import com.mrmentor.platform.shared.earnings.PayoutFundsPaid;
import com.mrmentor.platform.shared.earnings.PayoutFundsReserved;
import com.mrmentor.platform.shared.earnings.ReverseSessionEarning;
import com.mrmentor.platform.shared.earnings.SessionEarningAccrued;
import com.mrmentor.platform.shared.earnings.SessionEarningAvailable;
import com.mrmentor.platform.shared.earnings.SessionEarningReversed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mrmentor.platform.command.earnings.Violations.violation;

/**
 * The earnings ledger's own rules, given/when/then: accrual (value before GST, commission and TDS lines, once per
 * booking), the hold period's deadline, reversals from pending or available. Payout moves are tested with the payout
 * in {@link PayoutWorkflowTest}.
 */
class MentorEarningsTest {

    private static final Instant NOW = Instant.parse("2026-11-10T09:00:00Z");
    private static final Instant END = NOW.minus(Duration.ofHours(3));
    private static final Instant AVAILABLE_AT = END.plus(Duration.ofDays(7));
    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID OTHER_BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private final MutableClock clock = new MutableClock(NOW);
    private AggregateTestFixture<MentorEarnings> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(EarningsPolicy.defaults());
    }

    private AggregateTestFixture<MentorEarnings> fixture(EarningsPolicy policy) {
        AggregateTestFixture<MentorEarnings> configured = new AggregateTestFixture<>(MentorEarnings.class);
        configured.registerInjectableResource(clock);
        configured.registerInjectableResource(policy);
        configured.registerInjectableResource(PaymentPolicy.defaults());
        return configured;
    }

    private static SessionEarningAccrued accrued(UUID booking, long tokens) {
        long gross = tokens * 30_000;
        return new SessionEarningAccrued(MENTOR, booking, tokens, 30_000, gross, 2000, gross / 5, 0, 0,
                gross - gross / 5, END, AVAILABLE_AT, NOW);
    }

    @Test
    void aCapturedSessionEarnsItsValueBeforeGstLessCommissionPendingUntilTheHoldEnds() {
        fixture.givenNoPriorActivity()
               .when(new AccrueSessionEarning(MENTOR, BOOKING, 2, END))
               .expectEvents(new SessionEarningAccrued(MENTOR, BOOKING, 2, 30_000, 60_000, 2000, 12_000, 0, 0,
                       48_000, END, AVAILABLE_AT, NOW))
               .expectScheduledDeadlineWithName(AVAILABLE_AT, MentorEarnings.AVAILABLE_DEADLINE);
    }

    @Test
    void aSessionEarnsOnce() {
        fixture.given(accrued(BOOKING, 2))
               .when(new AccrueSessionEarning(MENTOR, BOOKING, 2, END))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void commissionAndTdsFollowTheirConfiguredRatesOverTheThreshold() {
        fixture = fixture(new EarningsPolicy(1500, 10, 50_000, Duration.ofDays(3)));
        // 40 000 gross earned this financial year; 60 000 more passes the 50 000 threshold: TDS 0.1 % = 60
        fixture.given(new SessionEarningAccrued(MENTOR, OTHER_BOOKING, 1, 40_000, 40_000, 1500, 6_000, 0, 0, 34_000,
                       END, AVAILABLE_AT, NOW))
               .when(new AccrueSessionEarning(MENTOR, BOOKING, 2, END))
               .expectEvents(new SessionEarningAccrued(MENTOR, BOOKING, 2, 30_000, 60_000, 1500, 9_000, 10, 60,
                       50_940, END, END.plus(Duration.ofDays(3)), NOW));
    }

    @Test
    void noTdsUnderTheThresholdOrInANewFinancialYear() {
        Instant april = Instant.parse("2027-04-02T06:00:00Z");
        fixture = fixture(new EarningsPolicy(2000, 10, 50_000, Duration.ofDays(7)));
        fixture.given(new SessionEarningAccrued(MENTOR, OTHER_BOOKING, 2, 30_000, 60_000, 2000, 12_000, 10, 60,
                       47_940, END, AVAILABLE_AT, NOW))
               .when(new AccrueSessionEarning(MENTOR, BOOKING, 1, april))
               .expectEvents(new SessionEarningAccrued(MENTOR, BOOKING, 1, 30_000, 30_000, 2000, 6_000, 0, 0,
                       24_000, april, april.plus(Duration.ofDays(7)), NOW));
    }

    @Test
    void nothingIsEarnedWithoutCapturedTokens() {
        fixture.givenNoPriorActivity()
               .when(new AccrueSessionEarning(MENTOR, BOOKING, 0, END))
               .expectNoEvents();
    }

    @Test
    void theHoldPeriodsDeadlineMakesTheEarningAvailable() {
        var given = fixture.givenCurrentTime(NOW).andGivenCommands(new AccrueSessionEarning(MENTOR, BOOKING, 2, END));
        clock.set(AVAILABLE_AT);
        given.whenThenTimeAdvancesTo(AVAILABLE_AT)
               .expectDeadlinesMet(new EarningAvailableDue(MENTOR, BOOKING))
               .expectEvents(new SessionEarningAvailable(MENTOR, BOOKING, 48_000, AVAILABLE_AT));
    }

    @Test
    void aReversedEarningDoesNotBecomeAvailable() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(new AccrueSessionEarning(MENTOR, BOOKING, 2, END),
                       new ReverseSessionEarning(MENTOR, BOOKING, "refund", FINANCE))
               .whenThenTimeAdvancesTo(AVAILABLE_AT)
               .expectDeadlinesMet(new EarningAvailableDue(MENTOR, BOOKING))
               .expectNoEvents();
    }

    @Test
    void aPendingEarningIsReversedFromPending() {
        fixture.given(accrued(BOOKING, 2))
               .when(new ReverseSessionEarning(MENTOR, BOOKING, " late refund ", FINANCE))
               .expectEvents(new SessionEarningReversed(MENTOR, BOOKING, 48_000, 60_000, 12_000, 0, "PENDING",
                       "late refund", FINANCE, NOW));
    }

    @Test
    void anEarningAlreadyPaidOutIsReversedFromAvailableEvenBelowZero() {
        UUID payout = UUID.randomUUID();
        fixture.given(accrued(BOOKING, 1), new SessionEarningAvailable(MENTOR, BOOKING, 24_000, AVAILABLE_AT),
                       new PayoutFundsReserved(MENTOR, payout, 24_000, NOW),
                       new PayoutFundsPaid(MENTOR, payout, 24_000, "UTR1", NOW))
               .when(new ReverseSessionEarning(MENTOR, BOOKING, "dispute lost", FINANCE))
               .expectEvents(new SessionEarningReversed(MENTOR, BOOKING, 24_000, 30_000, 6_000, 0, "AVAILABLE",
                       "dispute lost", FINANCE, NOW))
               .expectState(ledger -> org.assertj.core.api.Assertions.assertThat(ledger.available())
                       .isEqualTo(-24_000));
    }

    @Test
    void reversalsNeedAKnownSessionOnceAndAReason() {
        fixture.given(accrued(BOOKING, 1))
               .when(new ReverseSessionEarning(MENTOR, OTHER_BOOKING, "x", FINANCE))
               .expectException(violation("unknown-session-earning", Kind.NOT_FOUND));
        fixture.given(accrued(BOOKING, 1))
               .when(new ReverseSessionEarning(MENTOR, BOOKING, " ", FINANCE))
               .expectException(violation("missing-reason", Kind.UNPROCESSABLE));
        fixture.given(accrued(BOOKING, 1), new SessionEarningReversed(MENTOR, BOOKING, 24_000, 30_000, 6_000, 0,
                       "PENDING", "refund", FINANCE, NOW))
               .when(new ReverseSessionEarning(MENTOR, BOOKING, "again", FINANCE))
               .expectException(violation("earning-already-reversed", Kind.CONFLICT));
    }
}

package com.mrmentor.platform.saga.earnings;

import com.mrmentor.platform.shared.earnings.EarningsIds;
import com.mrmentor.platform.shared.earnings.ExpirePayoutRequest;
import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.PayoutCancelled;
import com.mrmentor.platform.shared.earnings.PayoutFailed;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import com.mrmentor.platform.shared.earnings.PayoutProcessed;
import com.mrmentor.platform.shared.earnings.PayoutRejected;
import com.mrmentor.platform.shared.earnings.PayoutRequested;
import com.mrmentor.platform.shared.earnings.PayoutSubmissionDeferred;
import com.mrmentor.platform.shared.earnings.PayoutSubmitted;
import com.mrmentor.platform.shared.earnings.SubmitPayout;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Every path of the payout saga, deadlines included. */
class PayoutSagaTest {

    private static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant BATCH = Instant.parse("2026-11-20T04:30:00Z");
    private static final UUID PAYOUT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final String AGGREGATE = EarningsIds.payout(PAYOUT);

    private SagaTestFixture<PayoutSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PayoutSaga.class);
        fixture.registerResource(new PayoutSagaPolicy(Duration.ofDays(7)));
    }

    private static PayoutRequested requested() {
        return new PayoutRequested(PAYOUT, MENTOR, 30_000, PayoutMethod.UPI, "mentor@okhdfc", "me****@okhdfc", null,
                NOW);
    }

    private static PayoutApproved approved() {
        return new PayoutApproved(PAYOUT, MENTOR, 30_000, FINANCE, "batch-2026-11-20", BATCH, NOW.plusSeconds(60));
    }

    @Test
    void aRequestWaitsSevenDaysForADecision() {
        fixture.givenCurrentTime(NOW)
               .whenAggregate(AGGREGATE).publishes(requested())
               .expectActiveSagas(1)
               .expectAssociationWith("payoutId", PAYOUT)
               .expectScheduledDeadlineWithName(NOW.plus(Duration.ofDays(7)), PayoutSaga.APPROVAL_DEADLINE)
               .expectNoDispatchedCommands();
    }

    @Test
    void anUndecidedRequestIsExpiredAfterSevenDays() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenTimeElapses(Duration.ofDays(7))
               .expectDispatchedCommands(new ExpirePayoutRequest(PAYOUT));
    }

    @Test
    void anApprovalCancelsTheTimeoutAndWaitsForTheBatch() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenAggregate(AGGREGATE).publishes(approved())
               .expectNoScheduledDeadlineWithName(NOW.plus(Duration.ofDays(7)), PayoutSaga.APPROVAL_DEADLINE)
               .expectScheduledDeadlineWithName(BATCH, PayoutSaga.SEND_DEADLINE);
    }

    @Test
    void theBatchSendsTheApprovedPayout() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), approved())
               .whenTimeAdvancesTo(BATCH)
               .expectDispatchedCommands(new SubmitPayout(PAYOUT, null, false));
    }

    @Test
    void aPayoutSentAtOnceLeavesTheBatchAlone() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), approved())
               .whenAggregate(AGGREGATE).publishes(new PayoutSubmitted(PAYOUT, MENTOR, 30_000, "simulator", "pout_1",
                       true, FINANCE, NOW.plusSeconds(120)))
               .expectActiveSagas(1)
               .expectNoScheduledDeadlines();
    }

    @Test
    void anUnreachableProviderIsTriedAgainLater() {
        Instant retry = BATCH.plus(Duration.ofMinutes(15));
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), approved(),
                       new PayoutSubmissionDeferred(PAYOUT, MENTOR, "down", retry, BATCH))
               .whenTimeAdvancesTo(retry)
               .expectDispatchedCommands(new SubmitPayout(PAYOUT, null, false));
    }

    @Test
    void finalOutcomesEndTheSagaAndItsDeadlines() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenAggregate(AGGREGATE).publishes(new PayoutRejected(PAYOUT, MENTOR, 30_000, "no", FINANCE, false,
                       NOW))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), approved())
               .whenAggregate(AGGREGATE).publishes(new PayoutCancelled(PAYOUT, MENTOR, 30_000, "mine", MENTOR, NOW))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void theProvidersOutcomeEndsTheSaga() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), approved(), new PayoutSubmitted(PAYOUT, MENTOR,
                       30_000, "simulator", "pout_1", false, null, BATCH))
               .whenAggregate(AGGREGATE).publishes(new PayoutProcessed(PAYOUT, MENTOR, 30_000, "pout_1", "UTR1",
                       BATCH.plusSeconds(600)))
               .expectActiveSagas(0);
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), approved(), new PayoutSubmitted(PAYOUT, MENTOR,
                       30_000, "simulator", "pout_1", false, null, BATCH))
               .whenAggregate(AGGREGATE).publishes(new PayoutFailed(PAYOUT, MENTOR, 30_000, "pout_1", "bank offline",
                       BATCH.plusSeconds(600)))
               .expectActiveSagas(0);
    }
}

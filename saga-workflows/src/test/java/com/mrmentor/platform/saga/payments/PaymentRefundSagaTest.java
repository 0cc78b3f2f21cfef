package com.mrmentor.platform.saga.payments;

import com.mrmentor.platform.shared.payments.FlagRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.payments.PaymentRefundFailed;
import com.mrmentor.platform.shared.payments.PaymentRefundProcessed;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.PaymentRefundSubmitted;
import com.mrmentor.platform.shared.payments.RecordRefundSubmission;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRefundSagaTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Duration OVERDUE = Duration.ofDays(10);
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID REFUND = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final String AGGREGATE = PaymentIds.order(ORDER);

    private final List<String> calls = new ArrayList<>();
    private String refusal;
    private SagaTestFixture<PaymentRefundSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentRefundSaga.class);
        fixture.registerResource((PaymentRefunds) (paymentId, amount, refundId) -> {
            calls.add(paymentId + " " + amount + " " + refundId);
            if (refusal != null) {
                throw new PaymentRefunds.RefundRefused(refusal);
            }
            return "rfnd_1";
        });
        fixture.registerResource(new PaymentSagaPolicy(OVERDUE));
    }

    @Test
    void aRequestedRefundIsAskedOfTheProviderAndItsIdRecorded() {
        fixture.givenCurrentTime(NOW)
               .whenAggregate(AGGREGATE).publishes(requested())
               .expectActiveSagas(1)
               .expectAssociationWith("orderId", ORDER)
               .expectDispatchedCommands(new RecordRefundSubmission(ORDER, REFUND, "rfnd_1", null))
               .expectScheduledDeadlineWithName(NOW.plus(OVERDUE), PaymentRefundSaga.OVERDUE_DEADLINE);
        assertThat(calls).containsExactly("pay_1 35400 " + REFUND);
    }

    @Test
    void aRefusalIsRecordedWithTheProvidersReason() {
        refusal = "The refund amount provided is greater than amount captured";
        fixture.givenCurrentTime(NOW)
               .whenAggregate(AGGREGATE).publishes(requested())
               .expectDispatchedCommands(new RecordRefundSubmission(ORDER, REFUND, null,
                       "the provider refused the refund: " + refusal));
    }

    @Test
    void theProcessedRefundEndsTheSagaAndItsDeadline() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), submitted())
               .whenAggregate(AGGREGATE).publishes(new PaymentRefundProcessed(ORDER, BUYER, REFUND, "rfnd_1", 35_400,
                       NOW.plus(Duration.ofDays(3))))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void aFailedRefundEndsTheSagaAndItsDeadline() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), submitted())
               .whenAggregate(AGGREGATE).publishes(new PaymentRefundFailed(ORDER, BUYER, REFUND, "rfnd_1",
                       "bank account closed", NOW.plus(Duration.ofDays(3))))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines();
    }

    @Test
    void anOutcomeThatDoesNotComeInTimeIsFlaggedOverdue() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), submitted())
               .whenTimeElapses(OVERDUE)
               .expectTriggeredDeadlinesWithName(PaymentRefundSaga.OVERDUE_DEADLINE)
               .expectDispatchedCommands(new FlagRefundOverdue(ORDER, REFUND))
               .expectActiveSagas(1);
    }

    @Test
    void nothingIsFlaggedBeforeTheTime() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(), submitted())
               .whenTimeElapses(OVERDUE.minusSeconds(1))
               .expectNoDispatchedCommands();
    }

    private static PaymentRefundRequested requested() {
        return new PaymentRefundRequested(ORDER, BUYER, REFUND, "pay_1", 1, 35_400, 30_000, 5_400, "INR", "asked",
                FINANCE, NOW);
    }

    private static PaymentRefundSubmitted submitted() {
        return new PaymentRefundSubmitted(ORDER, BUYER, REFUND, "rfnd_1", NOW);
    }
}

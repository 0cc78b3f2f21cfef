package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.payments.CaptureSource;
import com.mrmentor.platform.shared.payments.CreatePaymentOrder;
import com.mrmentor.platform.shared.payments.FlagRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentCaptured;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.payments.PaymentOrderCreated;
import com.mrmentor.platform.shared.payments.PaymentOrderExpired;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import com.mrmentor.platform.shared.payments.PaymentRefundFailed;
import com.mrmentor.platform.shared.payments.PaymentRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentRefundProcessed;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.PaymentRefundSubmitted;
import com.mrmentor.platform.shared.payments.RecordRefundSubmission;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mrmentor.platform.command.payments.Violations.violation;

/**
 * The payment order's own command and deadline rules, given/when/then. Captures and refund requests move the wallet
 * too and are tested with it in {@link PaymentWorkflowTest}.
 */
class PaymentOrderTest {

    private static final Instant CREATED_AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant EXPIRES_AT = CREATED_AT.plus(Duration.ofMinutes(30));
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID REFUND = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final PaymentQuote QUOTE = PaymentPolicy.defaults().quote("pack-5", "KA");

    private final MutableClock clock = new MutableClock(CREATED_AT);
    private AggregateTestFixture<PaymentOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentOrder.class);
        fixture.registerInjectableResource(clock);
    }

    @Test
    void anOrderIsCreatedAtTheQuotedPriceAndSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
               .when(create(EXPIRES_AT))
               .expectEvents(created())
               .expectScheduledDeadlineWithName(EXPIRES_AT, PaymentOrder.EXPIRY_DEADLINE);
    }

    @Test
    void anOrderWithoutAProviderOrderIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new CreatePaymentOrder(ORDER, BUYER, QUOTE, "KA", "KA", null, "simulator", " ", EXPIRES_AT))
               .expectNoEvents()
               .expectException(violation("missing-provider-order", Kind.UNPROCESSABLE));
    }

    @Test
    void anOrderThatWouldBeBornExpiredIsRefused() {
        fixture.givenNoPriorActivity()
               .when(create(CREATED_AT))
               .expectNoEvents()
               .expectException(violation("missing-future-expiry", Kind.UNPROCESSABLE));
    }

    @Test
    void anOrderWithoutAPriceIsRefused() {
        PaymentQuote free = new PaymentQuote("pack-5", 5, 0, 0, 0, 18, 0, 0, 0, 0, "INR");
        fixture.givenNoPriorActivity()
               .when(new CreatePaymentOrder(ORDER, BUYER, free, "KA", "KA", null, "simulator", "order_1", EXPIRES_AT))
               .expectNoEvents()
               .expectException(violation("missing-price", Kind.UNPROCESSABLE));
    }

    @Test
    void anUnpaidOrderExpiresAfterThirtyMinutes() {
        var created = fixture.givenCommands(create(EXPIRES_AT));
        clock.set(EXPIRES_AT);
        created.whenThenTimeElapses(Duration.ofMinutes(30))
               .expectTriggeredDeadlinesWithName(PaymentOrder.EXPIRY_DEADLINE)
               .expectEvents(new PaymentOrderExpired(ORDER, BUYER, EXPIRES_AT));
    }

    @Test
    void aPaidOrderDoesNotExpire() {
        var paid = fixture.givenCommands(create(EXPIRES_AT)).andGiven(captured());
        clock.set(EXPIRES_AT);
        paid.whenThenTimeElapses(Duration.ofMinutes(30))
            .expectTriggeredDeadlinesWithName(PaymentOrder.EXPIRY_DEADLINE)
            .expectNoEvents();
    }

    @Test
    void aDeadlineThatFiresEarlyLeavesTheOrderOpen() {
        var created = fixture.givenCommands(create(EXPIRES_AT));
        clock.set(EXPIRES_AT.minusSeconds(1)); // this node's scheduler ran ahead of the platform clock
        created.whenThenTimeElapses(Duration.ofMinutes(30))
               .expectTriggeredDeadlinesWithName(PaymentOrder.EXPIRY_DEADLINE)
               .expectNoEvents();
    }

    @Test
    void theProvidersAcceptanceOfTheRefundIsRecorded() {
        clock.set(CREATED_AT.plus(Duration.ofDays(1)));
        fixture.given(created(), captured(), refundRequested())
               .when(new RecordRefundSubmission(ORDER, REFUND, "rfnd_1", null))
               .expectEvents(new PaymentRefundSubmitted(ORDER, BUYER, REFUND, "rfnd_1", clock.instant()));
    }

    @Test
    void theProvidersRefusalOfTheRefundIsAFailureWithItsReason() {
        clock.set(CREATED_AT.plus(Duration.ofDays(1)));
        fixture.given(created(), captured(), refundRequested())
               .when(new RecordRefundSubmission(ORDER, REFUND, null, "the provider refused the refund: no balance"))
               .expectEvents(new PaymentRefundFailed(ORDER, BUYER, REFUND, null,
                       "the provider refused the refund: no balance", clock.instant()));
    }

    @Test
    void theProvidersAnswerAfterTheWebhookSettledTheRefundChangesNothing() {
        Instant at = CREATED_AT.plus(Duration.ofDays(1));
        fixture.given(created(), captured(), refundRequested(),
                       new PaymentRefundSubmitted(ORDER, BUYER, REFUND, "rfnd_1", at),
                       new PaymentRefundProcessed(ORDER, BUYER, REFUND, "rfnd_1", QUOTE.amount(), at))
               .when(new RecordRefundSubmission(ORDER, REFUND, "rfnd_1", null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anAwaitedRefundIsFlaggedOverdueOnce() {
        Instant at = CREATED_AT.plus(Duration.ofDays(11));
        clock.set(at);
        fixture.given(created(), captured(), refundRequested())
               .when(new FlagRefundOverdue(ORDER, REFUND))
               .expectEvents(new PaymentRefundOverdue(ORDER, BUYER, REFUND, at));
        fixture.given(created(), captured(), refundRequested(), new PaymentRefundOverdue(ORDER, BUYER, REFUND, at))
               .when(new FlagRefundOverdue(ORDER, REFUND))
               .expectNoEvents();
    }

    @Test
    void aSettledRefundIsNeverOverdue() {
        Instant at = CREATED_AT.plus(Duration.ofDays(1));
        fixture.given(created(), captured(), refundRequested(),
                       new PaymentRefundFailed(ORDER, BUYER, REFUND, null, "refused", at))
               .when(new FlagRefundOverdue(ORDER, REFUND))
               .expectNoEvents();
    }

    private static CreatePaymentOrder create(Instant expiresAt) {
        return new CreatePaymentOrder(ORDER, BUYER, QUOTE, "KA", "KA", null, "simulator", "order_1", expiresAt);
    }

    private static PaymentOrderCreated created() {
        return new PaymentOrderCreated(ORDER, BUYER, QUOTE, "KA", "KA", null, "simulator", "order_1", EXPIRES_AT,
                CREATED_AT);
    }

    private static PaymentCaptured captured() {
        return new PaymentCaptured(ORDER, BUYER, "pay_1", QUOTE.amount(), "INR", 5, PaymentIds.grantOf(ORDER),
                CaptureSource.CALLBACK, false, CREATED_AT.plusSeconds(60));
    }

    private static PaymentRefundRequested refundRequested() {
        return new PaymentRefundRequested(ORDER, BUYER, REFUND, "pay_1", 5, QUOTE.amount(), QUOTE.taxableValue(),
                QUOTE.gst(), "INR", "customer asked", FINANCE, CREATED_AT.plus(Duration.ofHours(1)));
    }
}

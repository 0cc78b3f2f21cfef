package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.command.invoicing.DocumentSeries;
import com.mrmentor.platform.command.invoicing.GstDocument;
import com.mrmentor.platform.command.invoicing.GstInvoicing;
import com.mrmentor.platform.command.invoicing.InvoicingPolicy;
import com.mrmentor.platform.command.invoicing.PurchaseVoucher;
import com.mrmentor.platform.command.invoicing.TaxSettings;
import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.GstDocumentIssued;
import com.mrmentor.platform.command.tokens.TokenPolicy;
import com.mrmentor.platform.command.tokens.TokenWallet;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.payments.CapturePayment;
import com.mrmentor.platform.shared.payments.CaptureSource;
import com.mrmentor.platform.shared.payments.ConfirmPayment;
import com.mrmentor.platform.shared.payments.CreatePaymentOrder;
import com.mrmentor.platform.shared.payments.PaymentCaptured;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import com.mrmentor.platform.shared.payments.PaymentRefundFailed;
import com.mrmentor.platform.shared.payments.PaymentRefundProcessed;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.PaymentRefundSubmitted;
import com.mrmentor.platform.shared.payments.RecordRefundSubmission;
import com.mrmentor.platform.shared.payments.RequestPaymentRefund;
import com.mrmentor.platform.shared.payments.SettlePaymentRefund;
import com.mrmentor.platform.shared.tokens.CaptureTokenHold;
import com.mrmentor.platform.shared.tokens.PlaceTokenHold;
import com.mrmentor.platform.shared.tokens.RequestTokenGrant;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantRevoked;
import com.mrmentor.platform.shared.tokens.TokenWalletOpened;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PaymentWorkflow} on a real Axon configuration (order and wallet event-sourced from an in-memory store): a
 * capture records the payment and credits the PAID grant together, exactly once, whichever report comes first; bad
 * reports store nothing; refunds revoke the unspent tokens and record the refund together.
 */
class PaymentWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-000000000666");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID REFUND = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final String PROVIDER_ORDER = "order_SIM1";
    private static final String PAYMENT = "pay_SIM1";
    private static final PaymentPolicy POLICY = PaymentPolicy.defaults();
    private static final PaymentQuote FIVE = POLICY.quote("pack-5", "MH");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final Set<String> seenEvents = new HashSet<>();
    private Configuration axon;

    @BeforeEach
    void setUp() {
        ProviderEventLog eventLog = new ProviderEventLog(null) {
            @Override
            void remember(String eventId, String eventType, Instant receivedAt) {
                if (!seenEvents.add(eventId)) {
                    throw PaymentRules.duplicateProviderEvent();
                }
                // like the table row, the memory of the event goes when the unit of work rolls back
                CurrentUnitOfWork.get().onRollback(u -> seenEvents.remove(eventId));
            }
        };
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(PaymentOrder.class)
                .configureAggregate(TokenWallet.class)
                .configureAggregate(DocumentSeries.class)
                .configureAggregate(GstDocument.class)
                .configureAggregate(PurchaseVoucher.class)
                .configureAggregate(TaxSettings.class)
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(TokenPolicy.class, c -> new TokenPolicy(100, Duration.ofDays(7)))
                .registerCommandHandler(c -> new PaymentWorkflow(c.repository(PaymentOrder.class),
                        c.repository(TokenWallet.class), c.eventStore(), c.deadlineManager(), POLICY, eventLog,
                        new GstInvoicing(c.repository(DocumentSeries.class), c.repository(GstDocument.class),
                                c.repository(PurchaseVoucher.class), c.repository(TaxSettings.class), c.eventStore(),
                                InvoicingPolicy.defaults(), POLICY, clock), clock))
                .start();
        send(new CreatePaymentOrder(ORDER, BUYER, FIVE, "MH", "KA", null, "simulator", PROVIDER_ORDER,
                NOW.plus(Duration.ofMinutes(30))));
        clock.set(NOW.plus(Duration.ofMinutes(2)));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    // ---- captures ------------------------------------------------------------------------------------------------

    @Test
    void aSignedCallbackCapturesThePaymentAndCreditsThePaidTokensTogether() {
        int before = stored().size();

        PaymentWorkflow.Captured answer = send(confirm(PAYMENT, signature(PAYMENT)));

        assertThat(answer).isEqualTo(new PaymentWorkflow.Captured(5, true));
        List<EventMessage<?>> added = stored().subList(before, stored().size());
        assertThat(outsideInvoicing(added)).containsExactly(
                new PaymentCaptured(ORDER, BUYER, PAYMENT, FIVE.amount(), "INR", 5, PaymentIds.grantOf(ORDER),
                        CaptureSource.CALLBACK, false, clock.instant()),
                new TokenWalletOpened(BUYER),
                new TokensGranted(BUYER, PaymentIds.grantOf(ORDER), 5, TokenCategory.PAID,
                        "token purchase, order " + ORDER, null, null, null, 5, 0, GrantSource.PURCHASE, ORDER));
        assertThat(((DomainEventMessage<?>) added.get(2)).getAggregateIdentifier()).isEqualTo(WalletIds.of(BUYER));
        assertThat(payloads(added)).filteredOn(GstDocumentIssued.class::isInstance).singleElement()
                .satisfies(receipt -> {
                    GstDocumentIssued document = (GstDocumentIssued) receipt;
                    assertThat(document.kind()).isEqualTo(DocumentKind.RECEIPT);
                    assertThat(document.amounts().total()).isEqualTo(FIVE.amount());
                    assertThat(document.number()).isEqualTo("MR/25-26/000001");
                });
    }

    @Test
    void callbackThenWebhookGrantsOnce() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        int before = stored().size();

        PaymentWorkflow.Captured again = send(webhook(FIVE.amount(), "INR", "evt_1"));
        PaymentWorkflow.Captured callbackAgain = send(confirm(PAYMENT, signature(PAYMENT)));

        assertThat(again.granted()).isFalse();
        assertThat(callbackAgain.granted()).isFalse();
        assertThat(stored()).hasSize(before);
    }

    @Test
    void webhookThenCallbackGrantsOnce() {
        send(webhook(FIVE.amount(), "INR", "evt_1"));
        int before = stored().size();

        send(confirm(PAYMENT, signature(PAYMENT)));

        assertThat(stored()).hasSize(before);
        assertThat(payloads(stored()).stream().filter(TokensGranted.class::isInstance)).hasSize(1);
        assertThat(lastPayload(PaymentCaptured.class).source()).isEqualTo(CaptureSource.WEBHOOK);
    }

    @Test
    void aRepeatedWebhookEventIsRefusedAsDuplicateBeforeAnythingElse() {
        send(webhook(FIVE.amount(), "INR", "evt_1"));

        expectNothingStored(() -> send(webhook(FIVE.amount(), "INR", "evt_1")), "duplicate-provider-event");
    }

    @Test
    void aPurchaseAboveTheApprovalThresholdIsCreditedAtOnce() {
        UUID big = UUID.randomUUID();
        PaymentQuote bulk = new PaymentQuote("bulk", 150, 30_000, 0, 4_500_000, 18, 0, 0, 810_000, 5_310_000, "INR");
        send(new CreatePaymentOrder(big, BUYER, bulk, "MH", "KA", null, "simulator", "order_BIG",
                clock.instant().plus(Duration.ofMinutes(30))));

        send(new CapturePayment(big, "pay_BIG", bulk.amount(), "INR", "evt_big"));

        TokensGranted granted = lastPayload(TokensGranted.class);
        assertThat(granted.amount()).isEqualTo(150);
        assertThat(granted.approvedBy()).isNull();
        assertThat(granted.source()).isEqualTo(GrantSource.PURCHASE);
        assertThat(granted.orderId()).isEqualTo(big);
    }

    @Test
    void aPurchaseAddsToAnExistingWallet() {
        send(new RequestTokenGrant(BUYER, UUID.randomUUID(), 3, TokenCategory.PROMOTIONAL, "welcome", null, ADMIN));

        send(confirm(PAYMENT, signature(PAYMENT)));

        assertThat(lastPayload(TokensGranted.class).balanceAfter()).isEqualTo(8);
    }

    @Test
    void aPaymentAfterTheExpiryIsHonouredAndMarkedLate() {
        clock.set(NOW.plus(Duration.ofMinutes(45)));

        send(webhook(FIVE.amount(), "INR", "evt_late"));

        assertThat(lastPayload(PaymentCaptured.class).late()).isTrue();
        assertThat(lastPayload(TokensGranted.class).amount()).isEqualTo(5);
    }

    @Test
    void aWrongSignatureChangesNothing() {
        String good = signature(PAYMENT);
        String tampered = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);

        expectNothingStored(() -> send(confirm(PAYMENT, tampered)), "invalid-signature");
        expectNothingStored(() -> send(confirm("pay_OTHER", good)), "invalid-signature");
    }

    @Test
    void anotherUsersOrderIsUnknownToTheCaller() {
        expectNothingStored(() -> send(new ConfirmPayment(ORDER, STRANGER, PAYMENT, signature(PAYMENT))),
                "unknown-payment-order");
    }

    @Test
    void anUnknownOrderIsRefused() {
        expectNothingStored(() -> send(new ConfirmPayment(UUID.randomUUID(), BUYER, PAYMENT, signature(PAYMENT))),
                "unknown-payment-order");
        expectNothingStored(() -> send(new CapturePayment(UUID.randomUUID(), PAYMENT, 100, "INR", "evt_x")),
                "unknown-payment-order");
    }

    @Test
    void aWebhookWithAnotherAmountOrCurrencyChangesNothing() {
        expectNothingStored(() -> send(webhook(FIVE.amount() - 1, "INR", "evt_1")), "payment-amount-mismatch");
        expectNothingStored(() -> send(webhook(FIVE.amount(), "USD", "evt_2")), "payment-amount-mismatch");
        // the refused delivery was not remembered: a correct one with the same event id acts
        send(webhook(FIVE.amount(), "INR", "evt_1"));
        assertThat(lastPayload(PaymentCaptured.class).providerPaymentId()).isEqualTo(PAYMENT);
    }

    @Test
    void aSecondPaymentOfAPaidOrderIsRefused() {
        send(confirm(PAYMENT, signature(PAYMENT)));

        expectNothingStored(() -> send(confirm("pay_SECOND", signature("pay_SECOND"))), "order-already-paid");
    }

    // ---- refunds -------------------------------------------------------------------------------------------------

    @Test
    void aRefundRevokesTheUnspentTokensAndRecordsTheirShareOfThePrice() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        spend(2);
        int before = stored().size();

        PaymentRefundRequested requested = send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "changed mind"));

        long amount = FIVE.amount() * 3 / 5;
        long taxable = FIVE.taxableValue() * 3 / 5;
        assertThat(requested).isEqualTo(new PaymentRefundRequested(ORDER, BUYER, REFUND, PAYMENT, 3, amount, taxable,
                amount - taxable, "INR", "changed mind", FINANCE, clock.instant()));
        List<Object> added = payloads(stored().subList(before, stored().size()));
        assertThat(added).hasSize(2);
        assertThat(added.get(0)).isEqualTo(new TokenGrantRevoked(BUYER, PaymentIds.grantOf(ORDER), TokenCategory.PAID,
                3, "refund: changed mind", FINANCE, 0, 0));
        assertThat(added.get(1)).isEqualTo(requested);
    }

    @Test
    void aFullRefundReturnsTheWholeAmount() {
        send(confirm(PAYMENT, signature(PAYMENT)));

        PaymentRefundRequested requested = send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "duplicate buy"));

        assertThat(requested.amount()).isEqualTo(FIVE.amount());
        assertThat(requested.taxableValue() + requested.gst()).isEqualTo(FIVE.amount());
    }

    @Test
    void tokensHeldByABookingBlockTheRefund() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        send(new PlaceTokenHold(BUYER, UUID.randomUUID(), 1, "booking:x", clock.instant().plus(Duration.ofDays(1)),
                BUYER));

        expectNothingStored(() -> send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked")),
                "purchase-tokens-held");
    }

    @Test
    void aPurchaseWhollySpentHasNothingToRefund() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        spend(5);

        expectNothingStored(() -> send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked")),
                "nothing-to-refund");
    }

    @Test
    void anUnpaidOrderAndASecondRefundAreRefused() {
        expectNothingStored(() -> send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked")),
                "payment-not-refundable");
        send(confirm(PAYMENT, signature(PAYMENT)));
        send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked"));

        expectNothingStored(() -> send(new RequestPaymentRefund(ORDER, UUID.randomUUID(), FINANCE, "again")),
                "refund-exists");
    }

    @Test
    void theRefundWebhookSettlesItOnceEvenBeforeTheProvidersAnswerIsRecorded() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        PaymentRefundRequested requested = send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked"));
        int before = stored().size();

        boolean changed = send(new SettlePaymentRefund(ORDER, PAYMENT, "rfnd_1", requested.amount(), true, null,
                "evt_r1"));
        boolean repeated = send(new SettlePaymentRefund(ORDER, PAYMENT, "rfnd_1", requested.amount(), true, null,
                "evt_r2"));
        send(new RecordRefundSubmission(ORDER, REFUND, "rfnd_1", null));

        assertThat(changed).isTrue();
        assertThat(repeated).isFalse();
        assertThat(outsideInvoicing(stored().subList(before, stored().size()))).containsExactly(
                new PaymentRefundSubmitted(ORDER, BUYER, REFUND, "rfnd_1", clock.instant()),
                new PaymentRefundProcessed(ORDER, BUYER, REFUND, "rfnd_1", requested.amount(), clock.instant()));
    }

    @Test
    void aFailedRefundKeepsItsReasonAndRestoresNothing() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        PaymentRefundRequested requested = send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked"));
        send(new RecordRefundSubmission(ORDER, REFUND, "rfnd_1", null));
        int before = stored().size();

        send(new SettlePaymentRefund(ORDER, PAYMENT, "rfnd_1", requested.amount(), false, "bank account closed",
                "evt_r1"));

        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new PaymentRefundFailed(ORDER, BUYER, REFUND, "rfnd_1", "bank account closed", clock.instant()));
    }

    @Test
    void aRefundWebhookForAnotherRefundOrAmountChangesNothing() {
        send(confirm(PAYMENT, signature(PAYMENT)));
        PaymentRefundRequested requested = send(new RequestPaymentRefund(ORDER, REFUND, FINANCE, "asked"));
        send(new RecordRefundSubmission(ORDER, REFUND, "rfnd_1", null));

        expectNothingStored(() -> send(new SettlePaymentRefund(ORDER, PAYMENT, "rfnd_OTHER", requested.amount(),
                true, null, "evt_r1")), "unknown-refund");
        expectNothingStored(() -> send(new SettlePaymentRefund(ORDER, PAYMENT, "rfnd_1", requested.amount() - 1,
                true, null, "evt_r2")), "payment-amount-mismatch");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void spend(long tokens) {
        UUID hold = UUID.randomUUID();
        send(new PlaceTokenHold(BUYER, hold, tokens, "booking:y", clock.instant().plus(Duration.ofDays(1)), BUYER));
        send(new CaptureTokenHold(BUYER, hold, null));
    }

    private static ConfirmPayment confirm(String paymentId, String signature) {
        return new ConfirmPayment(ORDER, BUYER, paymentId, signature);
    }

    private static CapturePayment webhook(long amount, String currency, String eventId) {
        return new CapturePayment(ORDER, PAYMENT, amount, currency, eventId);
    }

    private static String signature(String paymentId) {
        return PaymentSignatures.checkoutSignature(POLICY.keySecret(), PROVIDER_ORDER, paymentId);
    }

    private <R> R send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }

    private List<EventMessage<?>> stored() {
        return store.readEvents(null, false).<EventMessage<?>>map(e -> e).toList();
    }

    /** The payment's and the wallet's events, without the GST documents issued with them. */
    private static List<Object> outsideInvoicing(List<EventMessage<?>> events) {
        return payloads(events).stream()
                .filter(p -> !p.getClass().getPackageName().endsWith(".invoicing")).toList();
    }

    private static List<Object> payloads(List<EventMessage<?>> events) {
        return events.stream().<Object>map(EventMessage::getPayload).toList();
    }

    private <T> T lastPayload(Class<T> type) {
        List<Object> all = payloads(stored());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (type.isInstance(all.get(i))) {
                return type.cast(all.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " stored");
    }

    private void expectNothingStored(Runnable command, String code) {
        int before = stored().size();
        assertThatThrownBy(command::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(code));
        assertThat(stored()).hasSize(before);
    }
}

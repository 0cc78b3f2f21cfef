package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.invoicing.ChangePointOfTaxation;
import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.DocumentNumberAssigned;
import com.mrmentor.platform.shared.invoicing.GstDocumentIssued;
import com.mrmentor.platform.shared.invoicing.InvoiceRedemption;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import com.mrmentor.platform.shared.invoicing.OpenDocumentSeries;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.PurchaseVoucherOpened;
import com.mrmentor.platform.shared.invoicing.PurchaseVoucherRedeemed;
import com.mrmentor.platform.shared.invoicing.TaxAmounts;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link GstInvoicing} on a real Axon configuration (series, documents, vouchers and settings event-sourced from an
 * in-memory store): which document each fact gets, its tax lines, its number, and that redemptions share out the
 * price exactly.
 */
class GstInvoicingTest {

    /** 2026-11-21 15:30 in India: financial year 2026-27. */
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final PaymentPolicy PAYMENTS = PaymentPolicy.defaults();

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private Configuration axon;
    private GstInvoicing invoicing;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(DocumentSeries.class)
                .configureAggregate(GstDocument.class)
                .configureAggregate(PurchaseVoucher.class)
                .configureAggregate(TaxSettings.class)
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(InvoicingPolicy.class, c -> InvoicingPolicy.defaults())
                .registerCommandHandler(c -> invoicing = new GstInvoicing(c.repository(DocumentSeries.class),
                        c.repository(GstDocument.class), c.repository(PurchaseVoucher.class),
                        c.repository(TaxSettings.class), c.eventStore(), InvoicingPolicy.defaults(), PAYMENTS, clock))
                .start();
        for (DocumentKind kind : DocumentKind.values()) {
            send(new OpenDocumentSeries(kind));
        }
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    // ---- purchases -----------------------------------------------------------------------------------------------

    @Test
    void aPurchaseTaxedAtRedemptionGetsAReceiptAndBecomesAVoucher() {
        PurchaseFacts purchase = purchase("pack-5", "MH", null);

        GstDocumentIssued receipt = inUnitOfWork(() -> invoicing.documentPurchase(purchase));

        assertThat(receipt.kind()).isEqualTo(DocumentKind.RECEIPT);
        assertThat(receipt.number()).isEqualTo("MR/26-27/000001");
        assertThat(receipt.documentDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(receipt.amounts()).isEqualTo(new TaxAmounts(142_500, 0, 0, 25_650));
        assertThat(receipt.amounts().total()).isEqualTo(168_150);
        assertThat(receipt.placeOfSupply()).isEqualTo("MH");
        assertThat(receipt.supplier().state()).isEqualTo("KA");
        assertThat(receipt.supplier().gstin()).isEqualTo(InvoicingPolicy.DEVELOPMENT_GSTIN);
        assertThat(receipt.sac()).isEqualTo("999293");
        assertThat(receipt.pointOfTaxation()).isEqualTo(PointOfTaxation.REDEMPTION);
        assertThat(payloads()).filteredOn(PurchaseVoucherOpened.class::isInstance).singleElement()
                .isEqualTo(new PurchaseVoucherOpened(purchase.grantId(), purchase.orderId(), BUYER, 5, 18,
                        receipt.amounts(), "INR", "MH", null, PointOfTaxation.REDEMPTION, receipt.documentId(),
                        "MR/26-27/000001", receipt.documentDate(), NOW));
    }

    @Test
    void anIntraStatePurchaseTaxedAtPurchaseGetsATaxInvoiceWithCgstAndSgst() {
        send(new ChangePointOfTaxation(PointOfTaxation.PURCHASE, "CA advice of 2026-11-01", FINANCE));

        GstDocumentIssued invoice = inUnitOfWork(() ->
                invoicing.documentPurchase(purchase("pack-1", "KA", "29AAACB5678K1Z6")));

        assertThat(invoice.kind()).isEqualTo(DocumentKind.TAX_INVOICE);
        assertThat(invoice.number()).isEqualTo("MM/26-27/000001");
        assertThat(invoice.amounts()).isEqualTo(new TaxAmounts(30_000, 2_700, 2_700, 0));
        assertThat(invoice.buyerGstin()).isEqualTo("29AAACB5678K1Z6");
        assertThat(invoice.pointOfTaxation()).isEqualTo(PointOfTaxation.PURCHASE);
    }

    @Test
    void theSettingNeedsAReasonAndAChange() {
        assertThatThrownBy(() -> send(new ChangePointOfTaxation(PointOfTaxation.PURCHASE, " ", FINANCE)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("missing-reason"));
        assertThatThrownBy(() -> send(new ChangePointOfTaxation(PointOfTaxation.REDEMPTION, "again", FINANCE)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("point-of-taxation-unchanged"));
    }

    // ---- redemptions ---------------------------------------------------------------------------------------------

    @Test
    void redemptionsShareOutTheVoucherExactlyAndReferToTheReceipt() {
        // 3 tokens for 1,000.00 + 9 % + 9 %: 333.33, 333.33 and 333.34 — the last slice takes what rounding left
        PaymentQuote odd = new PaymentQuote("odd-3", 3, 33_334, 0, 100_000, 18, 9_001, 9_001, 0, 118_002, "INR");
        PurchaseFacts purchase = new PurchaseFacts(UUID.randomUUID(), BUYER, UUID.randomUUID(), "pay_1", odd, "KA",
                null);
        GstDocumentIssued receipt = inUnitOfWork(() -> invoicing.documentPurchase(purchase));
        UUID firstHold = UUID.randomUUID();
        UUID secondHold = UUID.randomUUID();

        Optional<UUID> first = send(redemption(firstHold, purchase.grantId(), 1));
        Optional<UUID> second = send(redemption(secondHold, purchase.grantId(), 2));

        List<GstDocumentIssued> invoices = documents(DocumentKind.TAX_INVOICE);
        assertThat(invoices).extracting(GstDocumentIssued::documentId)
                .containsExactly(first.orElseThrow(), second.orElseThrow());
        assertThat(invoices).extracting(GstDocumentIssued::number)
                .containsExactly("MM/26-27/000001", "MM/26-27/000002");
        assertThat(invoices.get(0).amounts()).isEqualTo(new TaxAmounts(33_333, 3_000, 3_000, 0));
        assertThat(invoices.get(1).amounts()).isEqualTo(new TaxAmounts(66_667, 6_001, 6_001, 0));
        assertThat(invoices.get(0).amounts().plus(invoices.get(1).amounts()))
                .isEqualTo(new TaxAmounts(100_000, 9_001, 9_001, 0));
        assertThat(invoices).allSatisfy(invoice -> {
            assertThat(invoice.referenceDocumentId()).isEqualTo(receipt.documentId());
            assertThat(invoice.referenceNumber()).isEqualTo(receipt.number());
            assertThat(invoice.placeOfSupply()).isEqualTo("KA");
        });
        assertThat(first.orElseThrow()).isEqualTo(InvoicingIds.redemptionInvoice(firstHold, purchase.grantId()));
    }

    @Test
    void aHoldIsInvoicedOnceHoweverOftenItIsReported() {
        PurchaseFacts purchase = purchase("pack-5", "MH", null);
        inUnitOfWork(() -> invoicing.documentPurchase(purchase));
        UUID hold = UUID.randomUUID();
        send(redemption(hold, purchase.grantId(), 1));
        int before = payloads().size();

        Optional<UUID> again = send(redemption(hold, purchase.grantId(), 1));

        assertThat(again).isEmpty();
        assertThat(payloads()).hasSize(before);
        assertThat(payloads()).filteredOn(PurchaseVoucherRedeemed.class::isInstance).hasSize(1);
    }

    @Test
    void tokensThatWereNotBoughtOrWereInvoicedAtPurchaseGetNoRedemptionInvoice() {
        send(new ChangePointOfTaxation(PointOfTaxation.PURCHASE, "CA advice", FINANCE));
        PurchaseFacts invoicedAtPurchase = purchase("pack-5", "MH", null);
        inUnitOfWork(() -> invoicing.documentPurchase(invoicedAtPurchase));

        assertThat((Optional<UUID>) send(redemption(UUID.randomUUID(), invoicedAtPurchase.grantId(), 1))).isEmpty();
        assertThat((Optional<UUID>) send(redemption(UUID.randomUUID(), UUID.randomUUID(), 1))).isEmpty();
        assertThat(documents(DocumentKind.TAX_INVOICE)).hasSize(1); // the purchase's own
    }

    @Test
    void aVoucherNeverRedeemsMoreTokensThanWereBought() {
        PurchaseFacts purchase = purchase("pack-1", "MH", null);
        inUnitOfWork(() -> invoicing.documentPurchase(purchase));
        send(redemption(UUID.randomUUID(), purchase.grantId(), 1));

        assertThatThrownBy(() -> send(redemption(UUID.randomUUID(), purchase.grantId(), 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(documents(DocumentKind.TAX_INVOICE)).hasSize(1);
    }

    // ---- refunds -------------------------------------------------------------------------------------------------

    @Test
    void aRefundOfReceiptedTokensGetsARefundVoucherAgainstTheReceipt() {
        PurchaseFacts purchase = purchase("pack-5", "MH", null);
        GstDocumentIssued receipt = inUnitOfWork(() -> invoicing.documentPurchase(purchase));
        UUID refundId = UUID.randomUUID();

        Optional<GstDocumentIssued> voucher = inUnitOfWork(() -> invoicing.documentRefund(new RefundFacts(
                purchase.orderId(), BUYER, purchase.grantId(), refundId, "rfnd_1", 4, 114_000, 20_520, "moved")));
        Optional<GstDocumentIssued> again = inUnitOfWork(() -> invoicing.documentRefund(new RefundFacts(
                purchase.orderId(), BUYER, purchase.grantId(), refundId, "rfnd_1", 4, 114_000, 20_520, "moved")));

        assertThat(again).isEmpty();
        GstDocumentIssued document = voucher.orElseThrow();
        assertThat(document.kind()).isEqualTo(DocumentKind.REFUND_VOUCHER);
        assertThat(document.number()).isEqualTo("MV/26-27/000001");
        assertThat(document.amounts()).isEqualTo(new TaxAmounts(114_000, 0, 0, 20_520));
        assertThat(document.referenceNumber()).isEqualTo(receipt.number());
        assertThat(document.reason()).isEqualTo("moved");
        assertThat(document.documentId()).isEqualTo(InvoicingIds.refundDocument(refundId));
    }

    @Test
    void aRefundOfInvoicedTokensGetsACreditNoteAgainstTheInvoiceWithGstSplitByState() {
        send(new ChangePointOfTaxation(PointOfTaxation.PURCHASE, "CA advice", FINANCE));
        PurchaseFacts purchase = purchase("pack-5", "KA", null);
        GstDocumentIssued invoice = inUnitOfWork(() -> invoicing.documentPurchase(purchase));

        GstDocumentIssued note = inUnitOfWork(() -> invoicing.documentRefund(new RefundFacts(purchase.orderId(),
                BUYER, purchase.grantId(), UUID.randomUUID(), "rfnd_2", 5, 142_500, 25_651, "duplicate"))).orElseThrow();

        assertThat(note.kind()).isEqualTo(DocumentKind.CREDIT_NOTE);
        assertThat(note.number()).isEqualTo("MC/26-27/000001");
        assertThat(note.referenceDocumentId()).isEqualTo(invoice.documentId());
        assertThat(note.amounts()).isEqualTo(new TaxAmounts(142_500, 12_826, 12_825, 0));
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    @Test
    void numbersRunOnWithinAFinancialYearAndStartAgainInTheNext() {
        clock.set(Instant.parse("2027-03-31T18:29:59Z")); // 23:59:59 on 31 March in India
        inUnitOfWork(() -> invoicing.documentPurchase(purchase("pack-1", "MH", null)));
        inUnitOfWork(() -> invoicing.documentPurchase(purchase("pack-1", "MH", null)));
        clock.set(Instant.parse("2027-03-31T18:30:00Z")); // 00:00 on 1 April
        inUnitOfWork(() -> invoicing.documentPurchase(purchase("pack-1", "MH", null)));
        clock.set(Instant.parse("2027-03-20T00:00:00Z")); // a clock set back does not reuse a number
        inUnitOfWork(() -> invoicing.documentPurchase(purchase("pack-1", "MH", null)));

        assertThat(documents(DocumentKind.RECEIPT)).extracting(GstDocumentIssued::number).containsExactly(
                "MR/26-27/000001", "MR/26-27/000002", "MR/27-28/000001", "MR/26-27/000003");
        assertThat(payloads()).filteredOn(DocumentNumberAssigned.class::isInstance)
                .extracting(e -> ((DocumentNumberAssigned) e).number())
                .containsExactly("MR/26-27/000001", "MR/26-27/000002", "MR/27-28/000001", "MR/26-27/000003");
    }

    @Test
    void numbersFitGstsSixteenCharacters() {
        assertThat(DocumentSeries.format("MMX", "26-27", 123)).isEqualTo("MMX/26-27/000123").hasSize(16);
        assertThat(DocumentSeries.format("MM", "26-27", 1_000_000)).hasSize(16);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private PurchaseFacts purchase(String pack, String billingState, String gstin) {
        return new PurchaseFacts(UUID.randomUUID(), BUYER, UUID.randomUUID(), "pay_" + UUID.randomUUID(),
                PAYMENTS.quote(pack, billingState), billingState, gstin);
    }

    private InvoiceRedemption redemption(UUID holdId, UUID grantId, long tokens) {
        return new InvoiceRedemption(BUYER, holdId, grantId, tokens, "booking:" + UUID.randomUUID(), clock.instant());
    }

    private <R> R inUnitOfWork(Supplier<R> work) {
        try {
            return DefaultUnitOfWork.startAndGet(null).executeWithResult(work::get).getPayload();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<GstDocumentIssued> documents(DocumentKind kind) {
        return payloads().stream().filter(GstDocumentIssued.class::isInstance).map(GstDocumentIssued.class::cast)
                .filter(d -> d.kind() == kind).toList();
    }

    private List<Object> payloads() {
        return store.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Object command) {
        return (R) axon.commandGateway().sendAndWait(command);
    }
}

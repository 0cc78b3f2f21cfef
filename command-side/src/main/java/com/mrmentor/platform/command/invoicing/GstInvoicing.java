package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.DocumentNumberAssigned;
import com.mrmentor.platform.shared.invoicing.FinancialYear;
import com.mrmentor.platform.shared.invoicing.GstDocumentIssued;
import com.mrmentor.platform.shared.invoicing.InvoiceRedemption;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import com.mrmentor.platform.shared.invoicing.OpenDocumentSeries;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.PurchaseVoucherOpened;
import com.mrmentor.platform.shared.invoicing.TaxAmounts;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Issues the GST documents, each in the unit of work (the transaction) of the fact it documents, always taking the
 * aggregates in one order — settings, voucher, series, document — so that issuers never wait on each other in a
 * circle:
 *
 * <ul>
 *   <li>a captured purchase ({@link #documentPurchase}, called by the payment capture): a receipt, or a tax invoice
 *       when the point of taxation is the purchase; the purchase's tokens become a {@link PurchaseVoucher} that
 *       remembers that decision;</li>
 *   <li>a redemption ({@link InvoiceRedemption}, sent for each captured hold): a tax invoice for the redeemed tokens'
 *       share of what was paid, if their purchase was taxed at redemption;</li>
 *   <li>a processed refund ({@link #documentRefund}, called when the provider reports it): a credit note against the
 *       purchase's tax invoice, or a refund voucher against its receipt.</li>
 * </ul>
 * Tokens that were not bought (promotional, or PAID tokens an administrator granted) carry no consideration and get
 * no document.
 */
@Component
public class GstInvoicing {

    private final Repository<DocumentSeries> series;
    private final Repository<GstDocument> documents;
    private final Repository<PurchaseVoucher> vouchers;
    private final Repository<TaxSettings> settings;
    private final EventStore events;
    private final InvoicingPolicy policy;
    private final String supplierState;
    private final Clock clock;

    public GstInvoicing(@Qualifier("documentSeriesRepository") Repository<DocumentSeries> series,
                        @Qualifier("gstDocumentRepository") Repository<GstDocument> documents,
                        @Qualifier("purchaseVoucherRepository") Repository<PurchaseVoucher> vouchers,
                        @Qualifier("taxSettingsRepository") Repository<TaxSettings> settings, EventStore events,
                        InvoicingPolicy policy, PaymentPolicy payments, Clock clock) {
        if (!policy.registeredIn(payments.supplierState())) {
            throw new IllegalStateException("platform.invoicing.supplier-gstin " + policy.supplierGstin()
                    + " is not registered in platform.payments.supplier-state " + payments.supplierState());
        }
        this.series = series;
        this.documents = documents;
        this.vouchers = vouchers;
        this.settings = settings;
        this.events = events;
        this.policy = policy;
        this.supplierState = payments.supplierState();
        this.clock = clock;
    }

    /** The point of taxation of a purchase made now. */
    public PointOfTaxation pointOfTaxation() {
        if (!exists(InvoicingIds.SETTINGS)) {
            return policy.pointOfTaxation();
        }
        PointOfTaxation set = settings.load(InvoicingIds.SETTINGS).invoke(TaxSettings::pointOfTaxation);
        return set == null ? policy.pointOfTaxation() : set;
    }

    /** Documents a purchase just captured, in the capture's unit of work. */
    public GstDocumentIssued documentPurchase(PurchaseFacts purchase) {
        PointOfTaxation pointOfTaxation = pointOfTaxation();
        PaymentQuote quote = purchase.quote();
        TaxAmounts value = new TaxAmounts(quote.taxableValue(), quote.cgst(), quote.sgst(), quote.igst());
        boolean invoiceNow = pointOfTaxation == PointOfTaxation.PURCHASE;
        String description = invoiceNow
                ? quote.tokens() + " mentoring session " + tokens(quote.tokens()) + " (pack " + quote.pack() + ")"
                : "Advance for " + quote.tokens() + " mentoring session " + tokens(quote.tokens()) + " (pack "
                + quote.pack() + "), vouchers: GST on the sessions is invoiced when the tokens are redeemed";
        GstDocumentIssued issued = issue(invoiceNow ? DocumentKind.TAX_INVOICE : DocumentKind.RECEIPT,
                InvoicingIds.purchaseDocument(purchase.orderId()), new Draft(purchase.userId(), purchase.gstin(),
                        purchase.billingState(), description, quote.tokens(), quote.gstRatePercent(), value,
                        quote.currency(), purchase.orderId(), purchase.grantId(),
                        "payment " + purchase.providerPaymentId(), null, null, null, pointOfTaxation, null));
        create(vouchers, () -> new PurchaseVoucher(new PurchaseVoucherOpened(purchase.grantId(),
                purchase.orderId(), purchase.userId(), quote.tokens(), quote.gstRatePercent(), value,
                quote.currency(), purchase.billingState(), purchase.gstin(), pointOfTaxation, issued.documentId(),
                issued.number(), issued.documentDate(), issued.issuedAt())));
        return issued;
    }

    /**
     * Invoices the redemption of tokens of one purchase by one hold. Returns the invoice's id, or empty when there
     * is nothing to invoice (tokens not bought, taxed at purchase, or invoiced before).
     */
    @CommandHandler
    public Optional<UUID> handle(InvoiceRedemption command) {
        String voucherId = InvoicingIds.voucher(command.grantId());
        if (!exists(voucherId)) {
            return Optional.empty();
        }
        Aggregate<PurchaseVoucher> voucher = vouchers.load(voucherId);
        Optional<TaxAmounts> value = voucher.invoke(v -> v.valueOfRedemption(command.holdId(), command.tokens()));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        PurchaseVoucherOpened terms = voucher.invoke(PurchaseVoucher::terms);
        UUID invoiceId = InvoicingIds.redemptionInvoice(command.holdId(), command.grantId());
        GstDocumentIssued invoice = issue(DocumentKind.TAX_INVOICE, invoiceId, new Draft(terms.userId(),
                terms.buyerGstin(), terms.placeOfSupply(), "Mentoring session: " + command.tokens() + " "
                + tokens(command.tokens()) + " redeemed (" + command.reference() + ")", command.tokens(),
                terms.gstRatePercent(), value.get(), terms.currency(), terms.orderId(), terms.grantId(),
                command.reference() + " hold " + command.holdId(), terms.purchaseDocumentId(),
                terms.purchaseDocumentNumber(), terms.purchaseDocumentDate(), PointOfTaxation.REDEMPTION, null));
        voucher.execute(v -> v.redeem(command.holdId(), command.reference(), command.tokens(), value.get(),
                invoiceId, invoice.issuedAt()));
        return Optional.of(invoiceId);
    }

    /**
     * Documents a refund the provider paid back, in the unit of work that records it. Empty when the purchase has
     * no voucher (bought before documents were issued) or the refund was documented before.
     */
    public Optional<GstDocumentIssued> documentRefund(RefundFacts refund) {
        String voucherId = InvoicingIds.voucher(refund.grantId());
        if (!exists(voucherId)) {
            return Optional.empty();
        }
        Aggregate<PurchaseVoucher> voucher = vouchers.load(voucherId);
        if (voucher.invoke(v -> v.refunded(refund.refundId()))) {
            return Optional.empty();
        }
        PurchaseVoucherOpened terms = voucher.invoke(PurchaseVoucher::terms);
        TaxAmounts value = voucher.invoke(v -> v.valueOfRefund(refund.taxableValue(), refund.gst()));
        boolean invoiced = terms.pointOfTaxation() == PointOfTaxation.PURCHASE;
        GstDocumentIssued issued = issue(invoiced ? DocumentKind.CREDIT_NOTE : DocumentKind.REFUND_VOUCHER,
                InvoicingIds.refundDocument(refund.refundId()), new Draft(terms.userId(), terms.buyerGstin(),
                        terms.placeOfSupply(), "Refund of " + refund.tokens() + " unspent mentoring session "
                        + tokens(refund.tokens()), refund.tokens(), terms.gstRatePercent(), value, terms.currency(),
                        terms.orderId(), terms.grantId(), "refund " + refund.refundId() + " ("
                        + refund.providerRefundId() + ")", terms.purchaseDocumentId(),
                        terms.purchaseDocumentNumber(), terms.purchaseDocumentDate(), terms.pointOfTaxation(),
                        refund.reason()));
        voucher.execute(v -> v.refund(refund.refundId(), refund.tokens(), value, issued.documentId(),
                issued.issuedAt()));
        return Optional.of(issued);
    }

    /** Opens the series of {@code kind} unless it is open: at start-up, so that first issues never race to. */
    @CommandHandler
    public void handle(OpenDocumentSeries command) {
        series(command.kind(), clock.instant());
    }

    private GstDocumentIssued issue(DocumentKind kind, UUID documentId, Draft d) {
        Instant now = clock.instant();
        LocalDate date = FinancialYear.dateOf(now);
        DocumentNumberAssigned number = series(kind, now).invoke(s -> s.next(documentId, date, now));
        GstDocumentIssued issued = new GstDocumentIssued(documentId, kind, number.number(), number.financialYear(),
                number.sequence(), date, now, policy.supplier(supplierState), d.buyerId(), d.buyerGstin(),
                d.placeOfSupply(), policy.sac(), d.description(), d.tokens(), d.gstRatePercent(), d.amounts(),
                d.currency(), d.orderId(), d.grantId(), d.source(), d.referenceDocumentId(), d.referenceNumber(),
                d.referenceDate(), d.pointOfTaxation(), d.reason());
        create(documents, () -> new GstDocument(issued));
        return issued;
    }

    private Aggregate<DocumentSeries> series(DocumentKind kind, Instant now) {
        String prefix = policy.prefix(kind);
        String id = InvoicingIds.series(prefix);
        if (!exists(id)) {
            return create(series, () -> new DocumentSeries(prefix, kind, now));
        }
        Aggregate<DocumentSeries> found = series.load(id);
        DocumentKind numbers = found.invoke(DocumentSeries::kind);
        if (numbers != kind) {
            throw new IllegalStateException("the series " + prefix + " numbers " + numbers + " documents, not "
                    + kind + "; give " + kind + " a prefix of its own");
        }
        return found;
    }

    private static <T> Aggregate<T> create(Repository<T> repository, Callable<T> factory) {
        try {
            return repository.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + repository, e);
        }
    }

    /** Asked of the event store rather than the repository, which logs every miss as a warning. */
    private boolean exists(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).isPresent();
    }

    private static String tokens(long count) {
        return count == 1 ? "token" : "tokens";
    }

    /** Everything of a document but its number and date. */
    private record Draft(UUID buyerId, String buyerGstin, String placeOfSupply, String description, long tokens,
                         int gstRatePercent, TaxAmounts amounts, String currency, UUID orderId, UUID grantId,
                         String source, UUID referenceDocumentId, String referenceNumber, LocalDate referenceDate,
                         PointOfTaxation pointOfTaxation, String reason) {
    }
}

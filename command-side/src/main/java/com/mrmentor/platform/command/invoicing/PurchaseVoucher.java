package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.PurchaseVoucherOpened;
import com.mrmentor.platform.shared.invoicing.PurchaseVoucherRedeemed;
import com.mrmentor.platform.shared.invoicing.PurchaseVoucherRefunded;
import com.mrmentor.platform.shared.invoicing.TaxAmounts;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tokens of one purchase, seen as a voucher with a value: what was paid for them, and the tax decisions taken
 * when they were bought.
 *
 * <p>Invariants: each hold redeems a voucher once; redeemed plus refunded tokens never exceed the voucher's; the
 * values of the redemptions add up to exactly the voucher's value once every token is redeemed — each redemption
 * takes the slice {@code floor(v × after / n) − floor(v × before / n)} of each amount ({@link TaxAmounts#slice}).
 */
@Aggregate
public class PurchaseVoucher {

    @AggregateIdentifier
    private String id;
    private PurchaseVoucherOpened terms;
    private long redeemedTokens;
    private long refundedTokens;
    private final Set<UUID> redeemedHolds = new HashSet<>();
    private final Set<UUID> refunds = new HashSet<>();

    /** For Axon, which rebuilds the voucher from its events. */
    protected PurchaseVoucher() {
    }

    public PurchaseVoucher(PurchaseVoucherOpened opened) {
        apply(opened);
    }

    /** What was bought, for how much, under which tax decisions. */
    public PurchaseVoucherOpened terms() {
        return terms;
    }

    /** Whether hold {@code holdId} was already invoiced against this voucher. */
    public boolean redeemedBy(UUID holdId) {
        return redeemedHolds.contains(holdId);
    }

    public boolean refunded(UUID refundId) {
        return refunds.contains(refundId);
    }

    /**
     * The value of {@code tokens} more tokens spent by {@code holdId}, to invoice, or empty when there is nothing to
     * invoice: the purchase was taxed at purchase, or this hold was invoiced already.
     */
    public Optional<TaxAmounts> valueOfRedemption(UUID holdId, long tokens) {
        if (terms.pointOfTaxation() != PointOfTaxation.REDEMPTION || redeemedHolds.contains(holdId)) {
            return Optional.empty();
        }
        if (tokens <= 0 || redeemedTokens + refundedTokens + tokens > terms.tokens()) {
            throw new IllegalStateException("voucher " + id + " cannot redeem " + tokens + " more tokens: "
                    + redeemedTokens + " redeemed, " + refundedTokens + " refunded of " + terms.tokens());
        }
        return Optional.of(terms.value().slice(redeemedTokens, tokens, terms.tokens()));
    }

    /**
     * A refund's taxable value and GST as this voucher's tax lines: IGST whole across states, else CGST = ⌈GST/2⌉
     * and SGST = ⌊GST/2⌋.
     */
    public TaxAmounts valueOfRefund(long taxableValue, long gst) {
        return terms.value().igst() > 0 ? new TaxAmounts(taxableValue, 0, 0, gst)
                : new TaxAmounts(taxableValue, (gst + 1) / 2, gst / 2, 0);
    }

    public void redeem(UUID holdId, String reference, long tokens, TaxAmounts value, UUID invoiceId, Instant now) {
        apply(new PurchaseVoucherRedeemed(terms.grantId(), terms.orderId(), terms.userId(), holdId, reference, tokens,
                value, invoiceId, now));
    }

    public void refund(UUID refundId, long tokens, TaxAmounts value, UUID documentId, Instant now) {
        if (refunds.contains(refundId)) {
            return;
        }
        if (tokens <= 0 || redeemedTokens + refundedTokens + tokens > terms.tokens()) {
            throw new IllegalStateException("voucher " + id + " cannot refund " + tokens + " more tokens: "
                    + redeemedTokens + " redeemed, " + refundedTokens + " refunded of " + terms.tokens());
        }
        apply(new PurchaseVoucherRefunded(terms.grantId(), terms.orderId(), terms.userId(), refundId, tokens, value,
                documentId, now));
    }

    @EventSourcingHandler
    void on(PurchaseVoucherOpened event) {
        id = InvoicingIds.voucher(event.grantId());
        terms = event;
    }

    @EventSourcingHandler
    void on(PurchaseVoucherRedeemed event) {
        redeemedHolds.add(event.holdId());
        redeemedTokens += event.tokens();
    }

    @EventSourcingHandler
    void on(PurchaseVoucherRefunded event) {
        refunds.add(event.refundId());
        refundedTokens += event.tokens();
    }
}

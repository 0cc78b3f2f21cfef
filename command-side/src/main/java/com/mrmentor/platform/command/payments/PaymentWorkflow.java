package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.command.invoicing.GstInvoicing;
import com.mrmentor.platform.command.invoicing.PurchaseFacts;
import com.mrmentor.platform.command.invoicing.RefundFacts;
import com.mrmentor.platform.command.tokens.TokenWallet;
import com.mrmentor.platform.shared.payments.CapturePayment;
import com.mrmentor.platform.shared.payments.CaptureSource;
import com.mrmentor.platform.shared.payments.ConfirmPayment;
import com.mrmentor.platform.shared.payments.PaymentCaptured;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.RequestPaymentRefund;
import com.mrmentor.platform.shared.payments.SettlePaymentRefund;
import com.mrmentor.platform.shared.tokens.RevokeTokenGrant;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment commands that move tokens too, each one unit of work (one transaction) over the order and the buyer's
 * wallet, always loaded in that order:
 *
 * <ul>
 *   <li>a capture — from the checkout callback (signature over {@code providerOrderId|providerPaymentId}) or from the
 *       webhook (signature over the body, checked by the endpoint; event id remembered in the same transaction) —
 *       records the payment on the order and credits its PAID tokens to the wallet. The order records a payment
 *       once, so whichever report comes first grants and every other one does nothing; there is no moment in which
 *       the order is paid and the tokens are not in the wallet;</li>
 *   <li>a refund revokes the purchase's unspent tokens and records the refund, which the refund saga then asks the
 *       provider for. Refusing while tokens of the purchase are held keeps "revoked" and "refunded" equal.</li>
 * </ul>
 * The GST document of a capture (receipt or tax invoice) and of a processed refund (credit note or refund voucher)
 * is issued in the same unit of work ({@link GstInvoicing}), so there is never a payment without its document.
 */
@Component
public class PaymentWorkflow {

    private final Repository<PaymentOrder> orders;
    private final Repository<TokenWallet> wallets;
    private final EventStore events;
    private final DeadlineManager deadlines;
    private final PaymentPolicy policy;
    private final ProviderEventLog providerEvents;
    private final GstInvoicing invoicing;
    private final Clock clock;

    public PaymentWorkflow(@Qualifier("paymentOrderRepository") Repository<PaymentOrder> orders,
                           @Qualifier("tokenWalletRepository") Repository<TokenWallet> wallets, EventStore events,
                           DeadlineManager deadlines, PaymentPolicy policy, ProviderEventLog providerEvents,
                           GstInvoicing invoicing, Clock clock) {
        this.orders = orders;
        this.wallets = wallets;
        this.events = events;
        this.deadlines = deadlines;
        this.policy = policy;
        this.providerEvents = providerEvents;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /** The checkout callback. Returns the order's id once it is paid (now, or before). */
    @CommandHandler
    public Captured handle(ConfirmPayment command) {
        Aggregate<PaymentOrder> order = order(command.orderId());
        order.execute(o -> o.requireBuyer(command.userId()));
        String providerOrderId = order.invoke(PaymentOrder::providerOrderId);
        if (command.providerPaymentId() == null || !PaymentSignatures.verify(policy.keySecret(),
                PaymentSignatures.checkoutPayload(providerOrderId, command.providerPaymentId()),
                command.signature())) {
            throw PaymentRules.invalidSignature();
        }
        PaymentQuote quote = order.invoke(PaymentOrder::quote);
        return capture(order, command.providerPaymentId(), quote.amount(), quote.currency(), CaptureSource.CALLBACK);
    }

    /** A verified webhook's capture. */
    @CommandHandler
    public Captured handle(CapturePayment command) {
        providerEvents.remember(command.providerEventId(), "payment.captured", clock.instant());
        return capture(order(command.orderId()), command.providerPaymentId(), command.amount(), command.currency(),
                CaptureSource.WEBHOOK);
    }

    /** A verified webhook's refund outcome. Returns whether it changed anything. */
    @CommandHandler
    public boolean handle(SettlePaymentRefund command) {
        providerEvents.remember(command.providerEventId(), command.processed() ? "refund.processed" : "refund.failed",
                clock.instant());
        Aggregate<PaymentOrder> order = order(command.orderId());
        Instant now = clock.instant();
        boolean changed = order.invoke(o -> o.settleRefund(command.providerPaymentId(), command.providerRefundId(),
                command.amount(), command.processed(), command.failureReason(), now));
        if (changed && command.processed()) {
            PaymentRefundRequested refund = order.invoke(PaymentOrder::refundRequest);
            invoicing.documentRefund(new RefundFacts(refund.orderId(), refund.userId(),
                    PaymentIds.grantOf(refund.orderId()), refund.refundId(), command.providerRefundId(),
                    refund.tokens(), refund.taxableValue(), refund.gst(), refund.reason()));
        }
        return changed;
    }

    /** Finance refunds the unspent tokens of a purchase: revoked now, the money asked of the provider next. */
    @CommandHandler
    public PaymentRefundRequested handle(RequestPaymentRefund command) {
        if (!exists(command.orderId())) {
            throw PaymentRules.paymentNotFound();
        }
        Aggregate<PaymentOrder> order = orders.load(PaymentIds.order(command.orderId()));
        order.execute(PaymentOrder::requireRefundable);
        if (command.reason() == null || command.reason().isBlank()) {
            throw PaymentRules.missing("reason");
        }
        UUID userId = order.invoke(PaymentOrder::userId);
        UUID grantId = PaymentIds.grantOf(command.orderId());
        Aggregate<TokenWallet> wallet = wallets.load(WalletIds.of(userId));
        TokenWallet.GrantBalance left = wallet.invoke(w -> w.grantBalance(grantId));
        if (left.remaining() == 0) {
            throw PaymentRules.nothingToRefund();
        }
        if (left.held() > 0) {
            throw PaymentRules.purchaseTokensHeld(left.held());
        }
        long revoked = wallet.invoke(w -> w.handle(new RevokeTokenGrant(userId, grantId, command.requestedBy(),
                "refund: " + command.reason().trim())));
        Instant now = clock.instant();
        return order.invoke(o -> o.requestRefund(command.refundId(), revoked, command.reason(),
                command.requestedBy(), now));
    }

    private Captured capture(Aggregate<PaymentOrder> order, String paymentId, long amount, String currency,
                             CaptureSource source) {
        Instant now = clock.instant();
        Optional<PaymentCaptured> captured = order.invoke(o -> o.capture(paymentId, amount, currency, source, now));
        if (captured.isPresent()) {
            PaymentCaptured capture = captured.get();
            wallet(capture.userId()).execute(w -> w.creditPurchase(capture.grantId(), capture.tokens(),
                    capture.orderId(), "token purchase, order " + capture.orderId(), deadlines));
            PurchaseFacts purchase = order.invoke(o -> new PurchaseFacts(o.orderId(), o.userId(),
                    capture.grantId(), paymentId, o.quote(), o.billingState(), o.gstin()));
            invoicing.documentPurchase(purchase);
        }
        return new Captured(order.invoke(o -> o.quote().tokens()), captured.isPresent());
    }

    private Aggregate<PaymentOrder> order(UUID orderId) {
        if (orderId == null || !exists(orderId)) {
            throw PaymentRules.unknownOrder();
        }
        return orders.load(PaymentIds.order(orderId));
    }

    /** Asked of the event store rather than the repository, which logs every miss as a warning. */
    private boolean exists(UUID orderId) {
        return events.lastSequenceNumberFor(PaymentIds.order(orderId)).isPresent();
    }

    private Aggregate<TokenWallet> wallet(UUID userId) {
        String walletId = WalletIds.of(userId);
        if (events.lastSequenceNumberFor(walletId).isPresent()) {
            return wallets.load(walletId);
        }
        try {
            return wallets.newInstance(() -> new TokenWallet(userId));
        } catch (Exception e) {
            throw new IllegalStateException("Could not open the wallet of " + userId, e);
        }
    }

    /**
     * The outcome of a capture report.
     *
     * @param tokens  the order's tokens
     * @param granted whether this report captured the payment and granted them (false: an earlier report had)
     */
    public record Captured(long tokens, boolean granted) {
    }
}

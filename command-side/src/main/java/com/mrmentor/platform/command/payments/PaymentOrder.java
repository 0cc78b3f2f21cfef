package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.payments.CaptureSource;
import com.mrmentor.platform.shared.payments.CreatePaymentOrder;
import com.mrmentor.platform.shared.payments.FlagRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentCaptured;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.payments.PaymentOrderCreated;
import com.mrmentor.platform.shared.payments.PaymentOrderExpired;
import com.mrmentor.platform.shared.payments.PaymentOrderStatus;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import com.mrmentor.platform.shared.payments.PaymentRefundFailed;
import com.mrmentor.platform.shared.payments.PaymentRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentRefundProcessed;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.PaymentRefundSubmitted;
import com.mrmentor.platform.shared.payments.RecordRefundSubmission;
import com.mrmentor.platform.shared.payments.RefundStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One purchase of a token pack: the server's price, the provider's order, at most one captured payment, and at most
 * one refund.
 *
 * <p>Invariants: the price is the quote's (a capture of another amount or currency is refused and changes nothing);
 * an order is captured once — a repeated report of the same payment is answered as done and does nothing; an
 * unpaid order expires at its deadline, and a payment that arrives afterwards is still honoured (recorded as late:
 * the buyer paid the price that was quoted); a refund covers the tokens revoked for it, and its outcome is recorded
 * once. Captures and refund requests also move the buyer's wallet, so {@link PaymentWorkflow} runs them in one
 * unit of work with it.
 */
@Aggregate
public class PaymentOrder {

    static final String EXPIRY_DEADLINE = "payment-order-expiry";

    @AggregateIdentifier
    private String id;
    private UUID orderId;
    private UUID userId;
    private PaymentQuote quote;
    private String billingState;
    private String gstin;
    private String providerOrderId;
    private Instant expiresAt;
    private PaymentOrderStatus status;
    private String providerPaymentId;
    private UUID refundId;
    private PaymentRefundRequested refundRequest;
    private RefundStatus refundStatus;
    private long refundAmount;
    private String providerRefundId;
    private boolean refundOverdue;

    /** For Axon, which rebuilds the order from its events. */
    protected PaymentOrder() {
    }

    @CommandHandler
    public PaymentOrder(CreatePaymentOrder command, DeadlineManager deadlines, Clock clock) {
        if (command.orderId() == null) {
            throw PaymentRules.missing("order-id");
        }
        if (command.quote() == null || command.quote().amount() <= 0 || command.quote().tokens() <= 0) {
            throw PaymentRules.missing("price");
        }
        if (command.providerOrderId() == null || command.providerOrderId().isBlank()) {
            throw PaymentRules.missing("provider-order");
        }
        Instant now = clock.instant();
        if (command.expiresAt() == null || !command.expiresAt().isAfter(now)) {
            throw PaymentRules.missing("future-expiry");
        }
        apply(new PaymentOrderCreated(command.orderId(), command.userId(), command.quote(), command.billingState(),
                command.supplierState(), command.gstin(), command.provider(), command.providerOrderId(),
                command.expiresAt(), now));
        deadlines.schedule(command.expiresAt(), EXPIRY_DEADLINE, new GenericMessage<>(
                new OrderExpiryDue(command.orderId()),
                Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)));
    }

    // ---- reads for the workflow -----------------------------------------------------------------------------

    public UUID orderId() {
        return orderId;
    }

    public UUID userId() {
        return userId;
    }

    public String providerOrderId() {
        return providerOrderId;
    }

    public PaymentQuote quote() {
        return quote;
    }

    /** The place of supply: the buyer's billing state. */
    public String billingState() {
        return billingState;
    }

    /** The buyer's GSTIN, if registered. */
    public String gstin() {
        return gstin;
    }

    /** The refund as requested (tokens, amount and its split), or null. */
    public PaymentRefundRequested refundRequest() {
        return refundRequest;
    }

    public String providerPaymentId() {
        return providerPaymentId;
    }

    /** Another user's order does not exist for them: the same answer as an unknown id. */
    public void requireBuyer(UUID caller) {
        if (!userId.equals(caller)) {
            throw PaymentRules.unknownOrder();
        }
    }

    // ---- capture --------------------------------------------------------------------------------------------

    /**
     * Records the capture of {@code paymentId} for this order, once. Returns the capture when it is new, empty when
     * this payment was recorded before (a repeated callback or webhook: nothing to do).
     */
    public Optional<PaymentCaptured> capture(String paymentId, long amount, String currency, CaptureSource source,
                                             Instant now) {
        if (paymentId == null || paymentId.isBlank()) {
            throw PaymentRules.missing("payment-id");
        }
        if (amount != quote.amount() || !quote.currency().equals(currency)) {
            throw PaymentRules.amountMismatch();
        }
        if (status == PaymentOrderStatus.PAID) {
            if (paymentId.equals(providerPaymentId)) {
                return Optional.empty();
            }
            throw PaymentRules.orderAlreadyPaid();
        }
        boolean late = status == PaymentOrderStatus.EXPIRED || !now.isBefore(expiresAt);
        PaymentCaptured captured = new PaymentCaptured(orderId, userId, paymentId, amount, currency, quote.tokens(),
                PaymentIds.grantOf(orderId), source, late, now);
        apply(captured);
        return Optional.of(captured);
    }

    /** Expires the order if nobody paid it by its expiry (by the platform's clock). */
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    public void on(OrderExpiryDue due, Clock clock) {
        Instant now = clock.instant();
        if (status == PaymentOrderStatus.CREATED && !now.isBefore(expiresAt)) {
            apply(new PaymentOrderExpired(orderId, userId, now));
        }
    }

    // ---- refund ---------------------------------------------------------------------------------------------

    /** Refusals of a refund that need nothing but this order. */
    public void requireRefundable() {
        if (status != PaymentOrderStatus.PAID) {
            throw PaymentRules.paymentNotRefundable(status);
        }
        if (refundId != null) {
            throw PaymentRules.refundExists();
        }
    }

    /**
     * Records the refund of {@code tokens} (already revoked from the wallet in this unit of work): their share of
     * the amount paid, rounded down to the paisa (all of it when every token is refunded), split into taxable value
     * and GST in the same proportion.
     */
    public PaymentRefundRequested requestRefund(UUID newRefundId, long tokens, String reason, UUID requestedBy,
                                                Instant now) {
        requireRefundable();
        if (reason == null || reason.isBlank()) {
            throw PaymentRules.missing("reason");
        }
        if (tokens <= 0 || tokens > quote.tokens()) {
            throw PaymentRules.nothingToRefund();
        }
        long amount = share(quote.amount(), tokens);
        long taxable = share(quote.taxableValue(), tokens);
        PaymentRefundRequested requested = new PaymentRefundRequested(orderId, userId, newRefundId,
                providerPaymentId, tokens, amount, taxable, amount - taxable, quote.currency(), reason.trim(),
                requestedBy, now);
        apply(requested);
        return requested;
    }

    private long share(long whole, long tokens) {
        return tokens == quote.tokens() ? whole : Math.multiplyExact(whole, tokens) / quote.tokens();
    }

    /** The provider's answer to the refund call; ignored once a webhook has settled the refund. */
    @CommandHandler
    public void handle(RecordRefundSubmission command, Clock clock) {
        if (refundStatus != RefundStatus.REQUESTED || !command.refundId().equals(refundId)) {
            return;
        }
        if (command.providerRefundId() != null) {
            apply(new PaymentRefundSubmitted(orderId, userId, refundId, command.providerRefundId(), clock.instant()));
        } else {
            apply(new PaymentRefundFailed(orderId, userId, refundId, null, command.failureReason(),
                    clock.instant()));
        }
    }

    /**
     * The provider's webhook on the refund: processed, or failed. Returns whether it changed anything (a repeated
     * report does not). A webhook may overtake the provider's answer to our call: then it names the refund first.
     */
    public boolean settleRefund(String paymentId, String refundIdAtProvider, long amount, boolean processed,
                                String failureReason, Instant now) {
        if (refundId == null || !paymentId.equals(providerPaymentId) || refundIdAtProvider == null) {
            throw PaymentRules.unknownRefund();
        }
        if (providerRefundId != null && !providerRefundId.equals(refundIdAtProvider)) {
            throw PaymentRules.unknownRefund();
        }
        if (amount != refundAmount) {
            throw PaymentRules.amountMismatch();
        }
        if (refundStatus == RefundStatus.PROCESSED || refundStatus == RefundStatus.FAILED) {
            return false;
        }
        if (providerRefundId == null) {
            apply(new PaymentRefundSubmitted(orderId, userId, refundId, refundIdAtProvider, now));
        }
        if (processed) {
            apply(new PaymentRefundProcessed(orderId, userId, refundId, refundIdAtProvider, amount, now));
        } else {
            String reason = failureReason == null || failureReason.isBlank()
                    ? "the provider reported the refund as failed" : failureReason;
            apply(new PaymentRefundFailed(orderId, userId, refundId, refundIdAtProvider, reason, now));
        }
        return true;
    }

    /** The saga's deadline: the outcome is late. Once, and only while it is still awaited. */
    @CommandHandler
    public void handle(FlagRefundOverdue command, Clock clock) {
        if (command.refundId().equals(refundId) && !refundOverdue
                && (refundStatus == RefundStatus.REQUESTED || refundStatus == RefundStatus.PENDING)) {
            apply(new PaymentRefundOverdue(orderId, userId, refundId, clock.instant()));
        }
    }

    // ---- state changes, only from events ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(PaymentOrderCreated event) {
        id = PaymentIds.order(event.orderId());
        orderId = event.orderId();
        userId = event.userId();
        quote = event.quote();
        billingState = event.billingState();
        gstin = event.gstin();
        providerOrderId = event.providerOrderId();
        expiresAt = event.expiresAt();
        status = PaymentOrderStatus.CREATED;
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        status = PaymentOrderStatus.PAID;
        providerPaymentId = event.providerPaymentId();
    }

    @EventSourcingHandler
    void on(PaymentOrderExpired event) {
        status = PaymentOrderStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(PaymentRefundRequested event) {
        refundId = event.refundId();
        refundRequest = event;
        refundStatus = RefundStatus.REQUESTED;
        refundAmount = event.amount();
    }

    @EventSourcingHandler
    void on(PaymentRefundSubmitted event) {
        refundStatus = RefundStatus.PENDING;
        providerRefundId = event.providerRefundId();
    }

    @EventSourcingHandler
    void on(PaymentRefundProcessed event) {
        refundStatus = RefundStatus.PROCESSED;
    }

    @EventSourcingHandler
    void on(PaymentRefundFailed event) {
        refundStatus = RefundStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentRefundOverdue event) {
        refundOverdue = true;
    }
}

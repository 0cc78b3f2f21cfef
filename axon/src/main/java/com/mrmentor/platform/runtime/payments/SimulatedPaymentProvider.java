package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.command.payments.PaymentProvider;
import com.mrmentor.platform.command.payments.PaymentSignatures;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks.SignedWebhook;
import org.springframework.core.env.Environment;


import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for Razorpay, for the default profile and the tests: it creates orders and refunds like the real
 * API (in memory, so a restart forgets them), and it plays the buyer and the provider — it "pays" an order, giving
 * the values the checkout page would post back (payment id and signature), and it sends correctly signed webhooks
 * ({@code payment.captured}, {@code refund.processed}, {@code refund.failed}) to the platform's own
 * {@code /api/payments/webhook}, as often and in whatever order the caller likes. It never moves money.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    private final PaymentPolicy policy;
    private final ObjectMapper json;
    private final Clock clock;
    private final SimulatedWebhooks webhooks;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

    /**
     * @param webhookUrl where webhooks go; blank: this server's own endpoint on its local port
     */
    public SimulatedPaymentProvider(PaymentPolicy policy, ObjectMapper json, Environment environment,
                                    String webhookUrl, Clock clock) {
        this.policy = policy;
        this.json = json;
        this.clock = clock;
        this.webhooks = new SimulatedWebhooks(json, environment, webhookUrl, "/api/payments/webhook",
                policy.webhookSecret(), clock);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String keyId() {
        return policy.keyId();
    }

    @Override
    public ProviderOrder createOrder(long amount, String currency, String receipt, Map<String, String> notes) {
        if (amount < 100) {
            throw new ProviderException("Order amount less than minimum amount allowed");
        }
        Order order = new Order("order_" + randomId(), amount, currency, receipt, Map.copyOf(notes));
        orders.put(order.id(), order);
        return new ProviderOrder(order.id(), amount, currency);
    }

    @Override
    public ProviderRefund refund(String providerPaymentId, long amount, String receipt, Map<String, String> notes) {
        Payment payment = payments.get(providerPaymentId);
        if (payment == null) {
            throw new ProviderException("The id provided does not exist");
        }
        long refunded = refunds.values().stream().filter(r -> r.paymentId().equals(providerPaymentId))
                .mapToLong(Refund::amount).sum();
        if (amount <= 0 || refunded + amount > payment.amount()) {
            throw new ProviderException("The refund amount provided is greater than amount captured");
        }
        Refund refund = new Refund("rfnd_" + randomId(), providerPaymentId, amount, payment.currency(), receipt);
        refunds.put(refund.id(), refund);
        return new ProviderRefund(refund.id(), "pending");
    }

    // ---- playing the buyer and the provider ---------------------------------------------------------------------

    /** The order the simulator created as {@code providerOrderId}. */
    public Optional<Order> order(String providerOrderId) {
        return Optional.ofNullable(orders.get(providerOrderId));
    }

    /** Pays the order in full: what the checkout page would receive (and post to the callback). */
    public Payment pay(String providerOrderId) {
        Order order = order(providerOrderId).orElseThrow(() -> new IllegalArgumentException("no such order"));
        String paymentId = "pay_" + randomId();
        Payment payment = new Payment(order.id(), paymentId, order.amount(), order.currency(),
                PaymentSignatures.checkoutSignature(policy.keySecret(), order.id(), paymentId));
        payments.put(paymentId, payment);
        return payment;
    }

    /** The refunds asked for a payment, oldest first. */
    public List<Refund> refundsOf(String providerPaymentId) {
        return refunds.values().stream().filter(r -> r.paymentId().equals(providerPaymentId)).toList();
    }

    /** The signed {@code payment.captured} webhook of {@code payment}, with a new event id. */
    public SignedWebhook capturedWebhook(Payment payment) {
        return capturedWebhook(payment, payment.amount(), payment.currency());
    }

    /** A {@code payment.captured} webhook claiming another amount or currency (correctly signed all the same). */
    public SignedWebhook capturedWebhook(Payment payment, long amount, String currency) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", payment.paymentId());
        entity.put("entity", "payment");
        entity.put("amount", amount);
        entity.put("currency", currency);
        entity.put("status", "captured");
        entity.put("order_id", payment.providerOrderId());
        entity.put("method", "upi");
        entity.put("captured", true);
        entity.put("created_at", clock.instant().getEpochSecond());
        return event("payment.captured", "payment", entity);
    }

    /** The signed {@code refund.processed} or {@code refund.failed} webhook of refund {@code refundId}. */
    public SignedWebhook refundWebhook(String refundId, boolean processed, String failureReason) {
        Refund refund = Optional.ofNullable(refunds.get(refundId))
                .orElseThrow(() -> new IllegalArgumentException("no such refund"));
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", refund.id());
        entity.put("entity", "refund");
        entity.put("amount", refund.amount());
        entity.put("currency", refund.currency());
        entity.put("payment_id", refund.paymentId());
        entity.put("receipt", refund.receipt());
        entity.put("status", processed ? "processed" : "failed");
        if (!processed && failureReason != null) {
            entity.put("error_description", failureReason);
        }
        entity.put("created_at", clock.instant().getEpochSecond());
        return event(processed ? "refund.processed" : "refund.failed", "refund", entity);
    }

    /** Sends {@code webhook} to the platform as the provider would; returns the HTTP status it answered. */
    public int deliver(SignedWebhook webhook) {
        return webhooks.deliver(webhook).status();
    }

    private SignedWebhook event(String type, String contains, Map<String, Object> entity) {
        return webhooks.event(type, contains, entity);
    }

    private String randomId() {
        return webhooks.randomId();
    }

    /** An order as the simulator keeps it. */
    public record Order(String id, long amount, String currency, String receipt, Map<String, String> notes) {
    }

    /** A captured payment and the checkout callback's values for it. */
    public record Payment(String providerOrderId, String paymentId, long amount, String currency,
                          String signature) {
    }

    /** A refund the simulator accepted. */
    public record Refund(String id, String paymentId, long amount, String currency, String receipt) {
    }

}

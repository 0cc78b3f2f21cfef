package com.mrmentor.platform.runtime.payments;

import com.mrmentor.platform.command.payments.PaymentProvider;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The simulator's "pay" and "settle refund" buttons, for trying purchases without a provider. These routes exist only
 * while the simulator is the provider ({@code platform.payments.provider=simulator}, the default profile); under
 * Razorpay there is nothing here.
 */
@RestController
@ConditionalOnProperty(name = "platform.payments.provider", havingValue = "simulator", matchIfMissing = true)
@Tag(name = "Payments: simulator (development only)")
public class PaymentSimulatorController {

    private final SimulatedPaymentProvider simulator;

    public PaymentSimulatorController(PaymentProvider provider) {
        this.simulator = (SimulatedPaymentProvider) provider;
    }

    @PostMapping("/api/payments/simulator/orders/{providerOrderId}/pay")
    @Operation(summary = "Simulator: pay your order in full; sends the signed payment.captured webhook (unless "
            + "webhook=false) and returns the values the checkout page would post to /confirm")
    public Paid pay(@PathVariable String providerOrderId, @RequestParam(defaultValue = "true") boolean webhook,
                    Authentication caller) {
        SimulatedPaymentProvider.Order order = simulator.order(providerOrderId)
                .filter(o -> caller.getName().equals(o.notes().get("userId")))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "No such order at the simulator"));
        SimulatedPaymentProvider.Payment payment = simulator.pay(order.id());
        Integer status = webhook ? simulator.deliver(simulator.capturedWebhook(payment)) : null;
        return new Paid(order.id(), payment.paymentId(), payment.signature(), order.amount(), order.currency(),
                status);
    }

    @PostMapping("/api/payments/simulator/refunds/{providerRefundId}/settle")
    @Operation(summary = "Simulator (FINANCE, ADMIN): report a refund processed or failed by signed webhook")
    public Settled settle(@PathVariable String providerRefundId, @Valid @RequestBody SettleRequest request) {
        SimulatedWebhooks.SignedWebhook webhook;
        try {
            webhook = simulator.refundWebhook(providerRefundId, request.outcome() == Outcome.PROCESSED,
                    request.reason());
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(NOT_FOUND, "No such refund at the simulator");
        }
        return new Settled(providerRefundId, request.outcome(), simulator.deliver(webhook));
    }

    /** How the refund ends. */
    public enum Outcome { PROCESSED, FAILED }

    /** Body of a settlement. */
    public record SettleRequest(@NotNull Outcome outcome, @Size(max = 300) String reason) {
    }

    /** The checkout callback's values, and the webhook's answer (null when not sent). */
    public record Paid(String providerOrderId, String providerPaymentId, String signature, long amount,
                       String currency, Integer webhookStatus) {
    }

    /** The webhook's answer. */
    public record Settled(String providerRefundId, Outcome outcome, int webhookStatus) {
    }
}

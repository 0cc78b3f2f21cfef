package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.payments.IndianStates;
import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.payments.ConfirmPayment;
import com.mrmentor.platform.shared.payments.CreatePaymentOrder;
import com.mrmentor.platform.shared.payments.PaymentOrderStatus;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.RefundStatus;
import com.mrmentor.platform.shared.payments.RequestPaymentRefund;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Buying tokens: the packs on sale, orders at the server's price, the checkout callback, and refunds by finance.
 * The provider's webhook has its own endpoint ({@link PaymentWebhookController}).
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments: commands")
public class PaymentCommandController {

    private final CommandSender commands;
    private final PaymentPolicy policy;
    private final PaymentProvider provider;
    private final PaymentDirectory directory;
    private final Clock clock;

    public PaymentCommandController(CommandSender commands, PaymentPolicy policy, PaymentProvider provider,
                                    PaymentDirectory directory, Clock clock) {
        this.commands = commands;
        this.policy = policy;
        this.provider = provider;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/packs")
    @Operation(summary = "The token packs on sale with their prices in paise (taxable value, GST, amount)")
    public List<PackOffer> packs() {
        // The GST split depends on the buyer's state; its total does not. Shown here as if bought in-state.
        return policy.packs().stream().map(pack -> PackOffer.of(policy.quote(pack.id(), policy.supplierState())))
                .toList();
    }

    @PostMapping("/orders")
    @Operation(summary = "Order a token pack (signed in); the server computes the price and creates the "
            + "provider's order; the answer holds what the checkout page needs")
    public ResponseEntity<OrderCreated> order(@Valid @RequestBody OrderRequest request, Authentication caller,
                                              @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                      required = false) UUID claimId) {
        PaymentQuote quote = policy.quote(request.pack(), request.billingState());
        if (request.gstin() != null && !IndianStates.gstCode(request.billingState()).orElseThrow()
                .equals(Gstin.stateCode(request.gstin()))) {
            throw PaymentRules.gstinStateMismatch();
        }
        UUID buyer = Actor.id(caller);
        UUID orderId = RequestScopedIds.of("payment-order", claimId);
        if (directory.knows(orderId)) {
            // a retry (same Idempotency-Key) of a request whose first attempt was stored: no second provider order
            throw PaymentRules.duplicateOrder();
        }
        PaymentProvider.ProviderOrder providerOrder;
        try {
            providerOrder = provider.createOrder(quote.amount(), quote.currency(), orderId.toString(),
                    Map.of("orderId", orderId.toString(), "userId", buyer.toString(), "pack", quote.pack()));
        } catch (PaymentProvider.ProviderException failed) {
            throw PaymentRules.providerUnavailable(failed.getMessage());
        }
        if (providerOrder.amount() != quote.amount() || !quote.currency().equals(providerOrder.currency())) {
            throw PaymentRules.providerUnavailable("the provider's order has another amount");
        }
        Instant expiresAt = clock.instant().plus(policy.orderTtl());
        commands.send(new CreatePaymentOrder(orderId, buyer, quote, request.billingState(), policy.supplierState(),
                request.gstin(), provider.name(), providerOrder.id(), expiresAt));
        return ResponseEntity.created(URI.create("/api/payments/orders/" + orderId))
                .body(new OrderCreated(orderId, PaymentOrderStatus.CREATED, quote.pack(), quote.tokens(),
                        quote.taxableValue(), quote.gstRatePercent(), quote.cgst(), quote.sgst(), quote.igst(),
                        quote.amount(), quote.currency(), expiresAt,
                        new Checkout(provider.name(), provider.keyId(), providerOrder.id(), quote.amount(),
                                quote.currency())));
    }

    @PostMapping("/orders/{orderId}/confirm")
    @Operation(summary = "The checkout callback (the order's buyer): the provider's payment id and signature; "
            + "grants the pack's tokens unless the webhook already did")
    public Confirmed confirm(@PathVariable UUID orderId, @Valid @RequestBody ConfirmRequest request,
                             Authentication caller) {
        PaymentWorkflow.Captured captured = commands.send(new ConfirmPayment(orderId, Actor.id(caller),
                request.providerPaymentId(), request.signature()));
        return new Confirmed(orderId, PaymentOrderStatus.PAID, captured.tokens());
    }

    @PostMapping("/{providerPaymentId}/refunds")
    @Operation(summary = "Refund the unspent tokens of a purchase (FINANCE): revoked at once, the money is "
            + "requested from the provider; its outcome arrives by webhook")
    public ResponseEntity<RefundRequested> refund(@PathVariable String providerPaymentId,
                                                  @Valid @RequestBody RefundRequest request, Authentication caller,
                                                  @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                          required = false) UUID claimId) {
        UUID orderId = directory.orderOfPayment(providerPaymentId).orElseThrow(PaymentRules::paymentNotFound);
        UUID refundId = RequestScopedIds.of("payment-refund", claimId);
        PaymentRefundRequested requested = commands.send(new RequestPaymentRefund(orderId, refundId,
                Actor.id(caller), request.reason()));
        return ResponseEntity.accepted().body(new RefundRequested(requested.refundId(), orderId, providerPaymentId,
                RefundStatus.REQUESTED, requested.tokens(), requested.amount(), requested.currency()));
    }

    /** Body of {@code POST /api/payments/orders}: what to buy and where to bill it. There is no price field. */
    public record OrderRequest(@NotBlank @Size(max = 40) String pack,
                               @NotBlank @IndianStateCode String billingState,
                               @ValidGstin String gstin) {
    }

    /** Body of the checkout callback. */
    public record ConfirmRequest(@NotBlank @Size(max = 100) String providerPaymentId,
                                 @NotBlank @Size(max = 200) String signature) {
    }

    /** Body of a refund. */
    public record RefundRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** A pack with its price. */
    public record PackOffer(String pack, long tokens, long unitPrice, int discountPercent, long taxableValue,
                            int gstRatePercent, long gst, long amount, String currency) {
        static PackOffer of(PaymentQuote quote) {
            return new PackOffer(quote.pack(), quote.tokens(), quote.unitPrice(), quote.discountPercent(),
                    quote.taxableValue(), quote.gstRatePercent(), quote.gst(), quote.amount(), quote.currency());
        }
    }

    /** A new order and what the checkout page needs to pay it. */
    public record OrderCreated(UUID orderId, PaymentOrderStatus status, String pack, long tokens, long taxableValue,
                               int gstRatePercent, long cgst, long sgst, long igst, long amount, String currency,
                               Instant expiresAt, Checkout checkout) {
    }

    /** The provider's side of an order, for the checkout page. */
    public record Checkout(String provider, String keyId, String providerOrderId, long amount, String currency) {
    }

    /** The order is paid (now or before); its tokens are in the buyer's wallet. */
    public record Confirmed(UUID orderId, PaymentOrderStatus status, long tokens) {
    }

    /** A refund on its way. */
    public record RefundRequested(UUID refundId, UUID orderId, String providerPaymentId, RefundStatus status,
                                  long tokens, long amount, String currency) {
    }
}

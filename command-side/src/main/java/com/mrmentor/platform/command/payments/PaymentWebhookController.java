package com.mrmentor.platform.command.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.command.common.WebhookPayloads;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.payments.CapturePayment;
import com.mrmentor.platform.shared.payments.SettlePaymentRefund;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

/**
 * The provider's webhook. Unauthenticated: the signature is the authentication. It is checked over the exact bytes
 * received (HMAC-SHA256 with the webhook secret, {@code X-Razorpay-Signature}, constant-time comparison) before the
 * body is parsed; any other bytes — one character changed, the same JSON with other whitespace — are refused with
 * 400 and change nothing. A delivery is acted on once per provider event id ({@code X-Razorpay-Event-Id}, else the
 * payload's {@code id}, else the hash of the body); a repeat is answered 200 {@code duplicate}.
 */
@RestController
@Tag(name = "Payments: provider webhook")
public class PaymentWebhookController {

    static final String SIGNATURE_HEADER = "X-Razorpay-Signature";
    static final String EVENT_ID_HEADER = "X-Razorpay-Event-Id";

    private final CommandSender commands;
    private final PaymentPolicy policy;
    private final PaymentDirectory directory;
    private final ObjectMapper json;

    public PaymentWebhookController(CommandSender commands, PaymentPolicy policy, PaymentDirectory directory,
                                    ObjectMapper json) {
        this.commands = commands;
        this.policy = policy;
        this.directory = directory;
        this.json = json;
    }

    @PostMapping("/api/payments/webhook")
    @Operation(summary = "Provider webhook (payment.captured, order.paid, refund.processed, refund.failed); "
            + "authenticated by its signature over the raw body")
    public WebhookOutcome receive(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
                                  @RequestHeader(name = EVENT_ID_HEADER, required = false) String eventIdHeader) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!PaymentSignatures.verify(policy.webhookSecret(), raw, signature)) {
            throw PaymentRules.invalidSignature();
        }
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (IOException unreadable) {
            throw PaymentRules.malformedWebhook("not JSON");
        }
        if (event == null || !event.path("event").isTextual()) {
            throw PaymentRules.malformedWebhook("no event type");
        }
        String type = event.path("event").asText();
        String eventId = eventId(eventIdHeader, event, raw);
        Object command = switch (type) {
            case "payment.captured", "order.paid" -> capture(event, eventId);
            case "refund.processed", "refund.failed" -> refund(event, eventId, type.equals("refund.processed"));
            default -> null;
        };
        if (command == null) {
            return new WebhookOutcome(type, eventId, "ignored");
        }
        try {
            commands.send(command);
            return new WebhookOutcome(type, eventId, "processed");
        } catch (RuleViolation violation) {
            if ("duplicate-provider-event".equals(violation.code())) {
                return new WebhookOutcome(type, eventId, "duplicate");
            }
            throw violation;
        }
    }

    private CapturePayment capture(JsonNode event, String eventId) {
        JsonNode payment = event.path("payload").path("payment").path("entity");
        String paymentId = text(payment, "id");
        String providerOrderId = text(payment, "order_id");
        if (!"captured".equals(payment.path("status").asText("captured"))) {
            throw PaymentRules.malformedWebhook("the payment is not captured");
        }
        UUID orderId = directory.orderOfProviderOrder(providerOrderId).orElseThrow(PaymentRules::unknownOrder);
        return new CapturePayment(orderId, paymentId, amount(payment), text(payment, "currency"), eventId);
    }

    private SettlePaymentRefund refund(JsonNode event, String eventId, boolean processed) {
        JsonNode refund = event.path("payload").path("refund").path("entity");
        String paymentId = text(refund, "payment_id");
        UUID orderId = directory.orderOfPayment(paymentId).orElseThrow(PaymentRules::unknownRefund);
        String reason = processed ? null : refund.path("error_description").asText(null);
        return new SettlePaymentRefund(orderId, paymentId, text(refund, "id"), amount(refund), processed, reason,
                eventId);
    }

    private static String text(JsonNode node, String field) {
        return WebhookPayloads.text(node, field, PaymentRules::malformedWebhook);
    }

    private static long amount(JsonNode entity) {
        return WebhookPayloads.amount(entity, PaymentRules::malformedWebhook);
    }

    private static String eventId(String header, JsonNode event, byte[] raw) {
        return WebhookPayloads.eventId(header, event, raw);
    }

    /** What became of a delivery: {@code processed}, {@code duplicate} (seen before) or {@code ignored}. */
    public record WebhookOutcome(String event, String eventId, String status) {
    }
}

package com.mrmentor.platform.command.earnings;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.command.common.WebhookPayloads;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.payments.PaymentSignatures;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.SettlePayout;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

/**
 * The payout provider's webhook ({@code payout.processed}, {@code payout.failed}, {@code payout.rejected},
 * {@code payout.cancelled}, {@code payout.reversed}; intermediate ones are acknowledged). Unauthenticated: the
 * HMAC-SHA256 signature over the raw body with the payout webhook secret ({@code X-Razorpay-Signature}) is the
 * authentication, checked before parsing. Each provider event id acts once (a repeat is {@code duplicate}); the
 * payout itself also moves to a final state once, so a second report of the same outcome under another id does
 * nothing ({@code unchanged}).
 */
@RestController
@Tag(name = "Earnings and payouts: provider webhook")
public class PayoutWebhookController {

    static final String SIGNATURE_HEADER = "X-Razorpay-Signature";
    static final String EVENT_ID_HEADER = "X-Razorpay-Event-Id";

    private final CommandSender commands;
    private final PayoutPolicy policy;
    private final ObjectMapper json;

    public PayoutWebhookController(CommandSender commands, PayoutPolicy policy, ObjectMapper json) {
        this.commands = commands;
        this.policy = policy;
        this.json = json;
    }

    @PostMapping("/api/payouts/webhook")
    @Operation(summary = "Payout provider webhook; authenticated by its signature over the raw body")
    public WebhookOutcome receive(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
                                  @RequestHeader(name = EVENT_ID_HEADER, required = false) String eventIdHeader) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!PaymentSignatures.verify(policy.webhookSecret(), raw, signature)) {
            throw EarningsRules.invalidSignature();
        }
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (IOException unreadable) {
            throw EarningsRules.malformedWebhook("not JSON");
        }
        if (event == null || !event.path("event").isTextual()) {
            throw EarningsRules.malformedWebhook("no event type");
        }
        String type = event.path("event").asText();
        String eventId = eventId(eventIdHeader, event, raw);
        if (!type.startsWith("payout.")) {
            return new WebhookOutcome(type, eventId, "ignored", null);
        }
        JsonNode payout = event.path("payload").path("payout").path("entity");
        UUID payoutId;
        try {
            payoutId = UUID.fromString(text(payout, "reference_id"));
        } catch (IllegalArgumentException notOurs) {
            throw EarningsRules.unknownPayout();
        }
        String status = type.equals("payout.updated") || type.equals("payout.initiated")
                ? payout.path("status").asText("processing") : type.substring("payout.".length());
        String reason = payout.path("failure_reason").asText(null);
        if (reason == null) {
            reason = payout.path("status_details").path("description").asText(null);
        }
        JsonNode utr = payout.path("utr");
        SettlePayout command = new SettlePayout(payoutId, text(payout, "id"), status, amount(payout),
                utr.isTextual() ? utr.asText() : null, reason, eventId);
        try {
            PayoutStatus moved = commands.send(command);
            return new WebhookOutcome(type, eventId, moved == null ? "unchanged" : "processed", moved);
        } catch (RuleViolation violation) {
            if ("duplicate-provider-event".equals(violation.code())) {
                return new WebhookOutcome(type, eventId, "duplicate", null);
            }
            throw violation;
        }
    }

    private static String text(JsonNode node, String field) {
        return WebhookPayloads.text(node, field, EarningsRules::malformedWebhook);
    }

    private static long amount(JsonNode entity) {
        return WebhookPayloads.amount(entity, EarningsRules::malformedWebhook);
    }

    private static String eventId(String header, JsonNode event, byte[] raw) {
        return WebhookPayloads.eventId(header, event, raw);
    }

    /**
     * What became of a delivery: {@code processed} (the payout moved to {@code payoutStatus}), {@code unchanged}
     * (nothing new), {@code duplicate} (this event was acted on) or {@code ignored} (not about payouts).
     */
    public record WebhookOutcome(String event, String eventId, String status, PayoutStatus payoutStatus) {
    }
}

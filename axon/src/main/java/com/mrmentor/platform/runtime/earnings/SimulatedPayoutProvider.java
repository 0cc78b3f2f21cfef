package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.earnings.PayoutPolicy;
import com.mrmentor.platform.command.earnings.PayoutProvider;
import com.mrmentor.platform.command.payments.PaymentSignatures;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for RazorpayX payouts, for the default profile and the tests. It accepts payouts in memory (one per
 * reference: a repeated call answers the same payout, like the idempotency key), never moves money, and plays the
 * provider: it sends correctly signed {@code payout.*} webhooks (processed with a UTR, failed, reversed, …) to the
 * platform's own {@code /api/payouts/webhook}, as often and in whatever order the caller likes. A destination starting
 * with {@code refuse} is refused at once, and {@link #unavailableFor} makes the next calls fail as unreachable.
 */
public class SimulatedPayoutProvider implements PayoutProvider {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final PayoutPolicy policy;
    private final ObjectMapper json;
    private final Environment environment;
    private final String webhookUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Payout> byReference = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();

    public SimulatedPayoutProvider(PayoutPolicy policy, ObjectMapper json, Environment environment, String webhookUrl,
                                   Clock clock) {
        this.policy = policy;
        this.json = json;
        this.environment = environment;
        this.webhookUrl = webhookUrl;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public ProviderPayout createPayout(String reference, long amount, String currency, PayoutMethod method,
                                      String destination, String narration) {
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProviderUnavailable("the simulator plays an outage", null);
        }
        if (destination.startsWith("refuse")) {
            throw new PayoutRefused("Invalid beneficiary details");
        }
        Payout payout = byReference.computeIfAbsent(reference, r -> new Payout("pout_" + randomId(), r, amount,
                currency, method));
        return new ProviderPayout(payout.id(), "processing");
    }

    // ---- playing the provider -----------------------------------------------------------------------------------

    /** The next {@code calls} payout calls fail as if the provider were unreachable. */
    public void unavailableFor(int calls) {
        unavailable.set(calls);
    }

    /** The payout the simulator accepted for our payout id. */
    public Optional<Payout> payout(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /** The signed webhook {@code payout.<status>} for that payout, with a new event id. */
    public SignedWebhook webhook(Payout payout, String status, String utr, String failureReason) {
        return webhook(payout, status, payout.amount(), utr, failureReason);
    }

    /** A webhook claiming another amount (signed all the same). */
    public SignedWebhook webhook(Payout payout, String status, long amount, String utr, String failureReason) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", payout.id());
        entity.put("entity", "payout");
        entity.put("fund_account_id", "fa_simulator");
        entity.put("amount", amount);
        entity.put("currency", payout.currency());
        entity.put("fees", 0);
        entity.put("tax", 0);
        entity.put("status", status);
        entity.put("purpose", "payout");
        entity.put("utr", utr);
        entity.put("mode", payout.method() == PayoutMethod.UPI ? "UPI" : "IMPS");
        entity.put("reference_id", payout.reference());
        entity.put("failure_reason", failureReason);
        entity.put("created_at", clock.instant().getEpochSecond());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("entity", "event");
        event.put("account_id", "acc_simulator");
        event.put("event", "payout." + status);
        event.put("contains", List.of("payout"));
        event.put("payload", Map.of("payout", Map.of("entity", entity)));
        event.put("created_at", clock.instant().getEpochSecond());
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SignedWebhook("evt_" + randomId(), body, PaymentSignatures.hmacSha256Hex(policy.webhookSecret(),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends {@code webhook} to the platform as the provider would; returns the HTTP status and body. */
    public Delivery deliver(SignedWebhook webhook) {
        String target = webhookUrl == null || webhookUrl.isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/api/payouts/webhook"
                : webhookUrl;
        HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Razorpay-Signature", webhook.signature())
                .header("X-Razorpay-Event-Id", webhook.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body().getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A payout as the simulator keeps it. */
    public record Payout(String id, String reference, long amount, String currency, PayoutMethod method) {
    }

    /** A webhook as it goes over the wire. */
    public record SignedWebhook(String eventId, String body, String signature) {
    }

    /** The platform's answer to a delivery. */
    public record Delivery(int status, String body) {
    }
}

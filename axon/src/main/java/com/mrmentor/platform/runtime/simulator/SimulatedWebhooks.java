package com.mrmentor.platform.runtime.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.payments.PaymentSignatures;
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

/**
 * The provider's side of Razorpay-style webhooks, for the simulators: builds an event envelope around an entity,
 * signs the exact body with HMAC-SHA256 under the webhook secret, and posts it to the platform's own endpoint with
 * the signature and event-id headers — as often, and in whatever order, the caller likes.
 */
public class SimulatedWebhooks {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ObjectMapper json;
    private final Environment environment;
    private final String webhookUrl;
    private final String path;
    private final String secret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param webhookUrl where webhooks go; blank: this server's own {@code path} on its local port
     * @param secret     the webhook secret the platform checks signatures with
     */
    public SimulatedWebhooks(ObjectMapper json, Environment environment, String webhookUrl, String path,
                             String secret, Clock clock) {
        this.json = json;
        this.environment = environment;
        this.webhookUrl = webhookUrl;
        this.path = path;
        this.secret = secret;
        this.clock = clock;
    }

    /** A signed event {@code type} carrying {@code entity} under {@code contains}, with a new event id. */
    public SignedWebhook event(String type, String contains, Map<String, Object> entity) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("entity", "event");
        event.put("account_id", "acc_simulator");
        event.put("event", type);
        event.put("contains", List.of(contains));
        event.put("payload", Map.of(contains, Map.of("entity", entity)));
        event.put("created_at", clock.instant().getEpochSecond());
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SignedWebhook("evt_" + randomId(), body,
                PaymentSignatures.hmacSha256Hex(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends {@code webhook} to the platform as the provider would; the HTTP status and body it answered. */
    public Delivery deliver(SignedWebhook webhook) {
        String target = webhookUrl == null || webhookUrl.isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080") + path
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

    /** A provider-style random id of 14 letters and digits. */
    public String randomId() {
        StringBuilder id = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A webhook as it goes over the wire: its event id header, exact body, and signature header. */
    public record SignedWebhook(String eventId, String body, String signature) {
    }

    /** The platform's answer to a delivery. */
    public record Delivery(int status, String body) {
    }
}

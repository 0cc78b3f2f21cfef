package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.payments.SimulatedPaymentProvider;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The payment routes and the simulator as test steps; each step checks that the server agreed. */
public final class PaymentApi {

    private final ApiClient api;
    private final SimulatedPaymentProvider simulator;

    public PaymentApi(ApiClient api, SimulatedPaymentProvider simulator) {
        this.api = api;
        this.simulator = simulator;
    }

    public SimulatedPaymentProvider simulator() {
        return simulator;
    }

    public ApiClient.Response orderRequest(String token, Object body) {
        return api.post("/api/payments/orders", token, body);
    }

    /** Orders {@code pack} billed in {@code state}; returns the 201's body. */
    public JsonNode order(String token, String pack, String state) {
        ApiClient.Response response = orderRequest(token, json("pack", pack, "billingState", state));
        assertThat(response.status()).as("order: %s", response).isEqualTo(201);
        return response.body();
    }

    public ApiClient.Response confirm(String token, String orderId, String paymentId, String signature) {
        return api.post("/api/payments/orders/" + orderId + "/confirm", token,
                json("providerPaymentId", paymentId, "signature", signature));
    }

    /** The simulator pays the order the 201 described. */
    public SimulatedPaymentProvider.Payment pay(JsonNode order) {
        return simulator.pay(order.path("checkout").path("providerOrderId").asText());
    }

    /** Posts a webhook exactly as given (body bytes, signature and event id headers). */
    public ApiClient.Response webhook(String body, String signature, String eventId) {
        return api.send("POST", "/api/payments/webhook", null, body,
                eventId == null ? Map.of("X-Razorpay-Signature", signature)
                        : Map.of("X-Razorpay-Signature", signature, "X-Razorpay-Event-Id", eventId));
    }

    public ApiClient.Response webhook(SimulatedWebhooks.SignedWebhook webhook) {
        return webhook(webhook.body(), webhook.signature(), webhook.eventId());
    }

    public ApiClient.Response orderView(String token, String orderId) {
        return api.get("/api/payments/orders/" + orderId, token);
    }

    /** The order's read model once {@code condition} holds. */
    public JsonNode awaitOrder(String token, String orderId, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = orderView(token, orderId);
            assertThat(response.status()).as("order view: %s", response).isEqualTo(200);
            seen[0] = response.body();
            assertThat(condition.test(response.body())).as("order %s", response.body()).isTrue();
        });
        return seen[0];
    }

    public ApiClient.Response refund(String token, String paymentId, String reason) {
        return api.post("/api/payments/" + paymentId + "/refunds", token, json("reason", reason));
    }

    public static UUID id(JsonNode order) {
        return UUID.fromString(order.path("orderId").asText());
    }

    /** Orders, pays and confirms {@code pack} billed in {@code state} (with {@code gstin}, if not null). */
    public Bought buy(String token, String pack, String state, String gstin) {
        ApiClient.Response ordered = orderRequest(token, gstin == null ? json("pack", pack, "billingState", state)
                : json("pack", pack, "billingState", state, "gstin", gstin));
        assertThat(ordered.status()).as("order: %s", ordered).isEqualTo(201);
        SimulatedPaymentProvider.Payment payment = pay(ordered.body());
        ApiClient.Response confirmed = confirm(token, ordered.body().get("orderId").asText(), payment.paymentId(),
                payment.signature());
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isEqualTo(200);
        return new Bought(id(ordered.body()), payment.paymentId(), ordered.body().get("amount").asLong());
    }

    /** The caller's GST documents of {@code kind} once {@code count} of them are listed, newest first. */
    public List<JsonNode> awaitDocuments(String token, String kind, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = api.get("/api/me/documents?size=100&kind=" + kind, token);
            assertThat(response.status()).as("documents: %s", response).isEqualTo(200);
            found.clear();
            response.body().get("items").forEach(found::add);
            assertThat(found).as("%s documents", kind).hasSize(count);
        });
        return found;
    }

    /** A paid purchase. */
    public record Bought(UUID orderId, String paymentId, long amount) {
    }
}

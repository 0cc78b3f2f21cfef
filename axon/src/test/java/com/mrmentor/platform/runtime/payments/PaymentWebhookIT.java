package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.Concurrently;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's webhook over real HTTP: signed over the exact bytes, acted on once per event and once per order,
 * in whatever order and however often it comes with the checkout callback.
 */
class PaymentWebhookIT extends PaymentIntegrationTest {

    @Test
    void aWebhookAloneGrantsThePack() {
        IdentityApi.Tokens buyer = newBuyer("webhook-only");
        JsonNode order = payments().order(buyer.accessToken(), "pack-10", "KA");
        SimulatedPaymentProvider.Payment payment = payments().pay(order);

        // the simulator posts to the server's own endpoint, as Razorpay would
        int status = payments().simulator().deliver(payments().simulator().capturedWebhook(payment));

        assertThat(status).isEqualTo(200);
        assertThat(paidTokens(buyer.userId())).isEqualTo(10);
        JsonNode view = payments().awaitOrder(buyer.accessToken(), order.get("orderId").asText(),
                o -> "PAID".equals(o.path("status").asText()));
        assertThat(view.get("capturedVia").asText()).isEqualTo("WEBHOOK");
    }

    @Test
    void aTamperedWebhookIsRefusedAndChangesNothing() {
        IdentityApi.Tokens buyer = newBuyer("tampered");
        JsonNode order = payments().order(buyer.accessToken(), "pack-1", "KA");
        SimulatedWebhooks.SignedWebhook genuine = payments().simulator()
                .capturedWebhook(payments().pay(order));

        String oneCharacter = genuine.body().replace("\"status\":\"captured\"", "\"status\":\"Captured\"");
        String reserialised = genuine.body().replace(",", ", ").replace(":", ": ");
        assertThat(oneCharacter).isNotEqualTo(genuine.body());
        ApiClient.Response changed = payments().webhook(oneCharacter, genuine.signature(), genuine.eventId());
        ApiClient.Response whitespace = payments().webhook(reserialised, genuine.signature(), genuine.eventId());
        ApiClient.Response unsigned = api().send("POST", "/api/payments/webhook", null, genuine.body(), Map.of());
        ApiClient.Response wrongSecret = payments().webhook(genuine.body(),
                genuine.signature().substring(0, 63) + (genuine.signature().endsWith("0") ? "1" : "0"),
                genuine.eventId());

        for (ApiClient.Response refused : List.of(changed, whitespace, unsigned, wrongSecret)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.problemType()).endsWith("/invalid-signature");
        }
        assertThat(paidTokens(buyer.userId())).isZero();
        assertThat(payments().awaitOrder(buyer.accessToken(), order.get("orderId").asText(), o -> true)
                .get("status").asText()).isEqualTo("CREATED");
        // the refusals were not remembered as the event: the genuine delivery still acts
        assertThat(payments().webhook(genuine).body().get("status").asText()).isEqualTo("processed");
        assertThat(paidTokens(buyer.userId())).isEqualTo(1);
    }

    @Test
    void tenConcurrentDeliveriesOfOneWebhookGrantOnce() throws Exception {
        IdentityApi.Tokens buyer = newBuyer("storm");
        JsonNode order = payments().order(buyer.accessToken(), "pack-5", "KA");
        SimulatedWebhooks.SignedWebhook webhook = payments().simulator()
                .capturedWebhook(payments().pay(order));

        List<ApiClient.Response> answers = concurrently(10, () -> payments().webhook(webhook));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(200));
        assertThat(answers).filteredOn(a -> "processed".equals(a.body().get("status").asText())).hasSize(1);
        assertThat(answers).filteredOn(a -> "duplicate".equals(a.body().get("status").asText())).hasSize(9);
        assertThat(paidTokens(buyer.userId())).isEqualTo(5);
        assertThat(tokens().eventTypes(admin(), buyer.userId())).filteredOn("TokensGranted"::equals).hasSize(1);
    }

    @Test
    void callbackThenWebhookGrantsOnce() {
        IdentityApi.Tokens buyer = newBuyer("callback-first");
        JsonNode order = payments().order(buyer.accessToken(), "pack-5", "KA");
        SimulatedPaymentProvider.Payment payment = payments().pay(order);

        ApiClient.Response callback = payments().confirm(buyer.accessToken(), order.get("orderId").asText(),
                payment.paymentId(), payment.signature());
        ApiClient.Response webhook = payments().webhook(payments().simulator().capturedWebhook(payment));
        ApiClient.Response callbackAgain = payments().confirm(buyer.accessToken(), order.get("orderId").asText(),
                payment.paymentId(), payment.signature());

        assertThat(callback.status()).isEqualTo(200);
        assertThat(webhook.status()).isEqualTo(200);
        assertThat(webhook.body().get("status").asText()).isEqualTo("processed");
        assertThat(callbackAgain.status()).isEqualTo(200);
        assertThat(paidTokens(buyer.userId())).isEqualTo(5);
        assertThat(tokens().eventTypes(admin(), buyer.userId())).filteredOn("TokensGranted"::equals).hasSize(1);
    }

    @Test
    void webhookBeforeCallbackGrantsOnce() {
        IdentityApi.Tokens buyer = newBuyer("webhook-first");
        JsonNode order = payments().order(buyer.accessToken(), "pack-5", "KA");
        SimulatedPaymentProvider.Payment payment = payments().pay(order);

        ApiClient.Response webhook = payments().webhook(payments().simulator().capturedWebhook(payment));
        // the provider retries with a new event id (order.paid carries the same payment): still nothing new
        ApiClient.Response again = payments().webhook(payments().simulator().capturedWebhook(payment));
        ApiClient.Response callback = payments().confirm(buyer.accessToken(), order.get("orderId").asText(),
                payment.paymentId(), payment.signature());

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.body().get("status").asText()).isEqualTo("PAID");
        assertThat(paidTokens(buyer.userId())).isEqualTo(5);
        assertThat(tokens().eventTypes(admin(), buyer.userId())).filteredOn("TokensGranted"::equals).hasSize(1);
    }

    @Test
    void aWebhookWithAnotherAmountIsRefusedAndChangesNothing() {
        IdentityApi.Tokens buyer = newBuyer("short-payer");
        JsonNode order = payments().order(buyer.accessToken(), "pack-5", "KA");
        SimulatedPaymentProvider.Payment payment = payments().pay(order);

        ApiClient.Response less = payments().webhook(payments().simulator().capturedWebhook(payment,
                payment.amount() - 100, "INR"));
        ApiClient.Response dollars = payments().webhook(payments().simulator().capturedWebhook(payment,
                payment.amount(), "USD"));

        assertThat(less.status()).isEqualTo(400);
        assertThat(less.problemType()).endsWith("/payment-amount-mismatch");
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(paidTokens(buyer.userId())).isZero();
        assertThat(payments().awaitOrder(buyer.accessToken(), order.get("orderId").asText(), o -> true)
                .get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void aWebhookForAnOrderWeDoNotKnowIsRefused() {
        SimulatedPaymentProvider simulator = payments().simulator();
        String foreignOrder = simulator.createOrder(35_400, "INR", "elsewhere", Map.of()).id();

        ApiClient.Response answer = payments().webhook(simulator.capturedWebhook(simulator.pay(foreignOrder)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).endsWith("/unknown-payment-order");
    }

    @Test
    void theWebhookIgnoresTheIdempotencyLayerAndNeedsNoToken() {
        IdentityApi.Tokens buyer = newBuyer("idempotent-webhook");
        JsonNode order = payments().order(buyer.accessToken(), "pack-1", "KA");
        SimulatedWebhooks.SignedWebhook webhook = payments().simulator()
                .capturedWebhook(payments().pay(order));

        ApiClient.Response answer = api().send("POST", "/api/payments/webhook", null, webhook.body(),
                Map.of("X-Razorpay-Signature", webhook.signature(), "X-Razorpay-Event-Id", webhook.eventId(),
                        "Idempotency-Key", "provider-retry-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Idempotency-Replayed")).isNull();
        assertThat(paidTokens(buyer.userId())).isEqualTo(1);
    }

    private static List<ApiClient.Response> concurrently(int n, Callable<ApiClient.Response> call)
            throws Exception {
        return Concurrently.run(n, call);
    }

}

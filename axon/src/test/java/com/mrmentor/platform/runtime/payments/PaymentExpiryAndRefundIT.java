package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders nobody pays expire after 30 minutes (and a late payment is still honoured); refunds revoke the unspent
 * tokens, ask the simulator for the money, and end PROCESSED or FAILED as its webhook says.
 */
class PaymentExpiryAndRefundIT extends PaymentIntegrationTest {

    @Test
    void anUnpaidOrderExpiresAfterThirtyMinutesAndALatePaymentIsStillHonoured() {
        IdentityApi.Tokens buyer = newBuyer("slow-payer");
        // created "30 minutes ago, less 3 seconds": its expiry deadline falls due in real time 3 seconds from now
        clock.travelTo(Instant.now().minus(Duration.ofMinutes(30)).plusSeconds(3));
        JsonNode order = payments().order(buyer.accessToken(), "pack-1", "KA");
        clock.reset();
        String orderId = order.get("orderId").asText();

        JsonNode expired = payments().awaitOrder(buyer.accessToken(), orderId,
                o -> "EXPIRED".equals(o.path("status").asText()));
        assertThat(expired.get("expiredAt").asText()).isNotEmpty();

        SimulatedPaymentProvider.Payment late = payments().pay(order);
        ApiClient.Response confirmed = payments().confirm(buyer.accessToken(), orderId, late.paymentId(),
                late.signature());

        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(paidTokens(buyer.userId())).isEqualTo(1);
        JsonNode paid = payments().awaitOrder(buyer.accessToken(), orderId,
                o -> "PAID".equals(o.path("status").asText()));
        assertThat(paid.get("late").asBoolean()).isTrue();
    }

    @Test
    void aRefundRevokesTheUnspentTokensAndEndsProcessedByWebhook() {
        IdentityApi.Tokens buyer = newBuyer("refunded-buyer");
        Purchase purchase = buy(buyer, "pack-5");
        // two of the five are spent on a session
        UUID hold = tokens().hold(admin(), buyer.userId(), 2);
        assertThat(tokens().capture(admin(), hold).status()).isEqualTo(200);

        ApiClient.Response requested = payments().refund(finance(), purchase.paymentId(), "customer asked");

        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        assertThat(requested.body().get("tokens").asLong()).isEqualTo(3);
        long amount = requested.body().get("amount").asLong();
        assertThat(amount).isEqualTo(purchase.amount() * 3 / 5);
        assertThat(tokens().settledAccount(admin(), buyer.userId()).get("balance").asLong())
                .as("the three unspent tokens are revoked at once").isZero();
        List<JsonNode> history = tokens().history(admin(), buyer.userId());
        assertThat(TokenApi.simpleType(history.get(history.size() - 1))).isEqualTo("TokenGrantRevoked");

        JsonNode pending = payments().awaitOrder(finance(), purchase.orderId(),
                o -> "PENDING".equals(o.path("refund").path("status").asText()));
        String providerRefundId = pending.get("refund").get("providerRefundId").asText();
        List<SimulatedPaymentProvider.Refund> atProvider = payments().simulator().refundsOf(purchase.paymentId());
        assertThat(atProvider).hasSize(1);
        assertThat(atProvider.get(0).id()).isEqualTo(providerRefundId);
        assertThat(atProvider.get(0).amount()).isEqualTo(amount);

        SimulatedWebhooks.SignedWebhook processed = payments().simulator()
                .refundWebhook(providerRefundId, true, null);
        assertThat(payments().webhook(processed).status()).isEqualTo(200);
        assertThat(payments().webhook(processed).body().get("status").asText()).isEqualTo("duplicate");

        JsonNode done = payments().awaitOrder(buyer.accessToken(), purchase.orderId(),
                o -> "PROCESSED".equals(o.path("refund").path("status").asText()));
        assertThat(done.get("refund").get("amount").asLong()).isEqualTo(amount);
        assertThat(done.get("refund").get("reason").asText()).isEqualTo("customer asked");
        JsonNode list = api().get("/api/admin/refunds?status=PROCESSED&size=200", auditor()).body();
        assertThat(TokenApi.list(list.get("items"))).extracting(o -> o.get("orderId").asText())
                .contains(purchase.orderId());
        // a second refund of the same purchase is refused
        ApiClient.Response again = payments().refund(finance(), purchase.paymentId(), "again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).endsWith("/refund-exists");
    }

    @Test
    void aFailedRefundStaysVisibleWithItsReasonAndRestoresNothing() {
        IdentityApi.Tokens buyer = newBuyer("unlucky-refund");
        Purchase purchase = buy(buyer, "pack-1");

        assertThat(payments().refund(finance(), purchase.paymentId(), "duplicate purchase").status()).isEqualTo(202);
        JsonNode pending = payments().awaitOrder(finance(), purchase.orderId(),
                o -> "PENDING".equals(o.path("refund").path("status").asText()));
        ApiClient.Response failed = payments().webhook(payments().simulator().refundWebhook(
                pending.get("refund").get("providerRefundId").asText(), false, "beneficiary bank account closed"));

        assertThat(failed.status()).isEqualTo(200);
        JsonNode view = payments().awaitOrder(finance(), purchase.orderId(),
                o -> "FAILED".equals(o.path("refund").path("status").asText()));
        assertThat(view.get("refund").get("failureReason").asText()).isEqualTo("beneficiary bank account closed");
        JsonNode list = api().get("/api/admin/refunds?status=FAILED&size=200", finance()).body();
        assertThat(TokenApi.list(list.get("items"))).extracting(o -> o.get("orderId").asText())
                .contains(purchase.orderId());
        assertThat(tokens().settledAccount(admin(), buyer.userId()).get("balance").asLong())
                .as("the revoked token is not given back by itself").isZero();
    }

    @Test
    void onlyFinanceRefundsAndOnlyWhatIsLeft() {
        IdentityApi.Tokens buyer = newBuyer("spent-buyer");
        Purchase purchase = buy(buyer, "pack-1");

        ApiClient.Response byStudent = payments().refund(buyer.accessToken(), purchase.paymentId(), "please");
        ApiClient.Response byAdmin = payments().refund(admin(), purchase.paymentId(), "please");
        ApiClient.Response unknown = payments().refund(finance(), "pay_unknown", "please");
        UUID hold = tokens().hold(admin(), buyer.userId(), 1);
        ApiClient.Response whileHeld = payments().refund(finance(), purchase.paymentId(), "please");
        tokens().capture(admin(), hold);
        ApiClient.Response allSpent = payments().refund(finance(), purchase.paymentId(), "please");

        assertThat(byStudent.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).endsWith("/payment-not-found");
        assertThat(whileHeld.status()).isEqualTo(409);
        assertThat(whileHeld.problemType()).endsWith("/purchase-tokens-held");
        assertThat(allSpent.status()).isEqualTo(409);
        assertThat(allSpent.problemType()).endsWith("/nothing-to-refund");
    }

    private Purchase buy(IdentityApi.Tokens buyer, String pack) {
        JsonNode order = payments().order(buyer.accessToken(), pack, "KA");
        SimulatedPaymentProvider.Payment payment = payments().pay(order);
        ApiClient.Response confirmed = payments().confirm(buyer.accessToken(), order.get("orderId").asText(),
                payment.paymentId(), payment.signature());
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        // the directory knows the payment once the capture committed; the read model follows
        await().atMost(Duration.ofSeconds(10)).until(() -> paidTokens(buyer.userId()) > 0);
        return new Purchase(order.get("orderId").asText(), payment.paymentId(), order.get("amount").asLong());
    }

    private record Purchase(String orderId, String paymentId, long amount) {
    }
}

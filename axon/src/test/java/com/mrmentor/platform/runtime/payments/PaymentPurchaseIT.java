package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.PaymentApi;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import com.mrmentor.platform.shared.payments.PaymentIds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Buying a pack through the simulator: order, pay, checkout callback, PAID tokens in the wallet; and refusals. */
class PaymentPurchaseIT extends PaymentIntegrationTest {

    @Test
    void theCatalogueShowsThePacksAtTheServersPrices() {
        ApiClient.Response packs = api().get("/api/payments/packs", null);

        assertThat(packs.status()).isEqualTo(200);
        assertThat(TokenApi.list(packs.body())).extracting(p -> p.get("pack").asText())
                .containsExactly("pack-1", "pack-5", "pack-10");
        JsonNode one = packs.body().get(0);
        assertThat(one.get("taxableValue").asLong()).isEqualTo(30_000);
        assertThat(one.get("gst").asLong()).isEqualTo(5_400);
        assertThat(one.get("amount").asLong()).isEqualTo(35_400);
    }

    @Test
    void aBuyerPaysThroughTheCheckoutAndGetsThePacksPaidTokens() {
        IdentityApi.Tokens buyer = newBuyer("pack-buyer");

        JsonNode order = payments().order(buyer.accessToken(), "pack-5", "MH");
        assertThat(order.get("status").asText()).isEqualTo("CREATED");
        assertThat(order.get("taxableValue").asLong()).isEqualTo(142_500);
        assertThat(order.get("igst").asLong()).isEqualTo(25_650);
        assertThat(order.get("amount").asLong()).isEqualTo(168_150);
        JsonNode checkout = order.get("checkout");
        assertThat(checkout.get("provider").asText()).isEqualTo("simulator");
        assertThat(checkout.get("keyId").asText()).isEqualTo("rzp_test_simulator");
        assertThat(checkout.get("providerOrderId").asText()).startsWith("order_");
        assertThat(checkout.get("amount").asLong()).isEqualTo(168_150);
        assertThat(checkout.get("currency").asText()).isEqualTo("INR");
        assertThat(payments().simulator().order(checkout.get("providerOrderId").asText()).orElseThrow().amount())
                .as("the provider's order is for the server's price").isEqualTo(168_150);

        Checkout paid = pay(order);
        ApiClient.Response confirmed = payments().confirm(buyer.accessToken(), order.get("orderId").asText(),
                paid.paymentId(), paid.signature());

        assertThat(confirmed.status()).as("confirm: %s", confirmed).isEqualTo(200);
        assertThat(confirmed.body().get("status").asText()).isEqualTo("PAID");
        assertThat(confirmed.body().get("tokens").asLong()).isEqualTo(5);
        assertThat(paidTokens(buyer.userId())).isEqualTo(5);
        List<JsonNode> history = tokens().history(admin(), buyer.userId());
        JsonNode granted = history.get(history.size() - 1);
        assertThat(TokenApi.simpleType(granted)).isEqualTo("TokensGranted");
        assertThat(granted.at("/payload/grantId").asText())
                .isEqualTo(PaymentIds.grantOf(PaymentApi.id(order)).toString());
        assertThat(granted.at("/payload/category").asText()).isEqualTo("PAID");
        assertThat(granted.at("/metadata/userId").asText()).isEqualTo(buyer.userId().toString());
        JsonNode view = payments().awaitOrder(buyer.accessToken(), order.get("orderId").asText(),
                o -> "PAID".equals(o.path("status").asText()));
        assertThat(view.get("providerPaymentId").asText()).isEqualTo(paid.paymentId());
        assertThat(view.get("capturedVia").asText()).isEqualTo("CALLBACK");
        assertThat(view.get("late").asBoolean()).isFalse();
    }

    @Test
    void aClientSentPriceIsRefusedAndNothingIsOrdered() {
        IdentityApi.Tokens buyer = newBuyer("price-tamperer");

        ApiClient.Response withAmount = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-10", "billingState", "KA", "amount", 100));
        ApiClient.Response withTokens = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-1", "billingState", "KA", "tokens", 1000));

        assertThat(withAmount.status()).isEqualTo(400);
        assertThat(withAmount.problemType()).endsWith("/validation");
        assertThat(withAmount.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(withTokens.status()).isEqualTo(400);
        assertThat(api().get("/api/payments/orders", buyer.accessToken()).body().get("total").asLong()).isZero();
    }

    @Test
    void billingDetailsAreChecked() {
        IdentityApi.Tokens buyer = newBuyer("gst-buyer");

        ApiClient.Response badState = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-1", "billingState", "XX"));
        ApiClient.Response badGstin = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-1", "billingState", "MH", "gstin", "27AAPFU0939F1ZW"));
        ApiClient.Response otherState = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-1", "billingState", "KA", "gstin", "27AAPFU0939F1ZV"));
        ApiClient.Response unknownPack = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-7", "billingState", "KA"));
        ApiClient.Response registered = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-1", "billingState", "MH", "gstin", "27AAPFU0939F1ZV"));

        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body().get("errors").get(0).get("field").asText()).isEqualTo("billingState");
        assertThat(badGstin.status()).isEqualTo(400);
        assertThat(badGstin.body().get("errors").get(0).get("field").asText()).isEqualTo("gstin");
        assertThat(otherState.status()).isEqualTo(422);
        assertThat(otherState.problemType()).endsWith("/gstin-state-mismatch");
        assertThat(unknownPack.status()).isEqualTo(400);
        assertThat(unknownPack.problemType()).endsWith("/unknown-pack");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().get("igst").asLong()).isEqualTo(5_400);
    }

    @Test
    void aWrongSignatureOrAnUnknownOrderIsRefusedAndNothingChanges() {
        IdentityApi.Tokens buyer = newBuyer("wrong-signer");
        JsonNode order = payments().order(buyer.accessToken(), "pack-1", "KA");
        Checkout paid = pay(order);
        String orderId = order.get("orderId").asText();
        String tampered = (paid.signature().charAt(0) == 'a' ? "b" : "a") + paid.signature().substring(1);

        ApiClient.Response wrong = payments().confirm(buyer.accessToken(), orderId, paid.paymentId(), tampered);
        ApiClient.Response unknown = payments().confirm(buyer.accessToken(),
                "00000000-0000-4000-8000-000000000000", paid.paymentId(), paid.signature());
        IdentityApi.Tokens stranger = newBuyer("order-stranger");
        ApiClient.Response notTheirs = payments().confirm(stranger.accessToken(), orderId, paid.paymentId(),
                paid.signature());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problemType()).endsWith("/invalid-signature");
        assertThat(wrong.header("Content-Type")).contains("application/problem+json");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemType()).endsWith("/unknown-payment-order");
        assertThat(notTheirs.status()).isEqualTo(400);
        assertThat(notTheirs.problemType()).endsWith("/unknown-payment-order");
        assertThat(paidTokens(buyer.userId())).isZero();
        assertThat(paidTokens(stranger.userId())).isZero();
        assertThat(payments().awaitOrder(buyer.accessToken(), orderId, o -> true).get("status").asText())
                .isEqualTo("CREATED");
        // and the right signature still works afterwards
        assertThat(payments().confirm(buyer.accessToken(), orderId, paid.paymentId(), paid.signature()).status())
                .isEqualTo(200);
    }

    @Test
    void ordersAreVisibleToTheirBuyerAndToFinanceOnly() {
        IdentityApi.Tokens buyer = newBuyer("list-buyer");
        JsonNode order = payments().order(buyer.accessToken(), "pack-1", "KA");
        String orderId = order.get("orderId").asText();
        payments().awaitOrder(buyer.accessToken(), orderId, o -> true);

        JsonNode mine = api().get("/api/payments/orders", buyer.accessToken()).body();
        ApiClient.Response others = payments().orderView(otherStudent(), orderId);
        ApiClient.Response finance = payments().orderView(finance(), orderId);
        ApiClient.Response all = api().get("/api/admin/payments?userId=" + buyer.userId(), auditor());
        ApiClient.Response studentList = api().get("/api/admin/payments", buyer.accessToken());

        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("orderId").asText()).isEqualTo(orderId);
        assertThat(others.status()).isEqualTo(404);
        assertThat(finance.status()).isEqualTo(200);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("items").get(0).get("orderId").asText()).isEqualTo(orderId);
        assertThat(studentList.status()).isEqualTo(403);
    }

    private Checkout pay(JsonNode order) {
        SimulatedPaymentProvider.Payment payment = payments().pay(order);
        return new Checkout(payment.paymentId(), payment.signature());
    }

    /** The checkout callback's values. */
    private record Checkout(String paymentId, String signature) {
    }
}

package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.payments.PaymentProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Razorpay adapter against a local HTTP stub of Razorpay's API: paths, basic auth, bodies, errors. */
class RazorpayPaymentProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private HttpServer stub;
    private volatile int status = 200;
    private volatile String answer = "{}";
    private RazorpayPaymentProvider razorpay;

    record Recorded(String method, String path, String authorization, String contentType, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", this::handle);
        stub.start();
        razorpay = new RazorpayPaymentProvider("http://127.0.0.1:" + stub.getAddress().getPort() + "/",
                "rzp_test_key", "key-secret", JSON, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Test
    void createsAnOrderWithBasicAuthAndAmountInPaise() {
        answer = "{\"id\":\"order_EKwxwAgItmmXdp\",\"entity\":\"order\",\"amount\":35400,\"currency\":\"INR\","
                + "\"receipt\":\"r1\",\"status\":\"created\"}";

        PaymentProvider.ProviderOrder order = razorpay.createOrder(35_400, "INR", "r1", Map.of("orderId", "o1"));

        assertThat(order).isEqualTo(new PaymentProvider.ProviderOrder("order_EKwxwAgItmmXdp", 35_400, "INR"));
        Recorded request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/orders");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("rzp_test_key:key-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body().get("amount").asLong()).isEqualTo(35_400);
        assertThat(request.body().get("currency").asText()).isEqualTo("INR");
        assertThat(request.body().get("receipt").asText()).isEqualTo("r1");
        assertThat(request.body().get("notes").get("orderId").asText()).isEqualTo("o1");
    }

    @Test
    void refundsAPaymentByItsId() {
        answer = "{\"id\":\"rfnd_FP8QHiV938haTz\",\"entity\":\"refund\",\"amount\":21240,\"status\":\"pending\"}";

        PaymentProvider.ProviderRefund refund = razorpay.refund("pay_29QQoUBi66xm2f", 21_240, "f1",
                Map.of("refundId", "f1"));

        assertThat(refund).isEqualTo(new PaymentProvider.ProviderRefund("rfnd_FP8QHiV938haTz", "pending"));
        assertThat(requests.get(0).path()).isEqualTo("/v1/payments/pay_29QQoUBi66xm2f/refund");
        assertThat(requests.get(0).body().get("amount").asLong()).isEqualTo(21_240);
        assertThat(requests.get(0).body().get("speed").asText()).isEqualTo("normal");
    }

    @Test
    void aRefusalCarriesRazorpaysDescription() {
        status = 400;
        answer = "{\"error\":{\"code\":\"BAD_REQUEST_ERROR\",\"description\":\"The refund amount provided is "
                + "greater than amount captured\"}}";

        assertThatThrownBy(() -> razorpay.refund("pay_1", 1_000_000, "f1", Map.of()))
                .isInstanceOf(PaymentProvider.ProviderException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("greater than amount captured");
    }

    @Test
    void anUnreachableApiIsAProviderFailure() {
        stub.stop(0);

        assertThatThrownBy(() -> razorpay.createOrder(100, "INR", "r", Map.of()))
                .isInstanceOf(PaymentProvider.ProviderException.class)
                .hasMessageContaining("could not be reached");
    }
}

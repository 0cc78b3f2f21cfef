package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.payments.PaymentProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Razorpay's REST API: HTTP basic authentication with the key id and secret, JSON bodies, amounts in paise.
 * {@code POST /v1/orders} creates an order, {@code POST /v1/payments/{id}/refund} a refund. A refusal (4xx/5xx)
 * or an unreachable API becomes a {@link ProviderException} with Razorpay's error description.
 */
public class RazorpayPaymentProvider implements PaymentProvider {

    private final URI baseUrl;
    private final String keyId;
    private final String authorization;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public RazorpayPaymentProvider(String baseUrl, String keyId, String keySecret, ObjectMapper json,
                                   Duration timeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.keyId = keyId;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((keyId + ':' + keySecret).getBytes(StandardCharsets.UTF_8));
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "razorpay";
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public ProviderOrder createOrder(long amount, String currency, String receipt, Map<String, String> notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("receipt", receipt);
        body.put("notes", notes);
        JsonNode order = post("/v1/orders", body);
        return new ProviderOrder(order.path("id").asText(), order.path("amount").asLong(),
                order.path("currency").asText());
    }

    @Override
    public ProviderRefund refund(String providerPaymentId, long amount, String receipt, Map<String, String> notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("speed", "normal");
        body.put("receipt", receipt);
        body.put("notes", notes);
        JsonNode refund = post("/v1/payments/" + URLEncoder.encode(providerPaymentId, StandardCharsets.UTF_8)
                + "/refund", body);
        return new ProviderRefund(refund.path("id").asText(), refund.path("status").asText());
    }

    private JsonNode post(String path, Map<String, Object> body) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException("Razorpay could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while calling Razorpay", e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException("Razorpay answered " + response.statusCode() + " without JSON", e);
        }
        if (response.statusCode() >= 300) {
            JsonNode error = answer.path("error");
            throw new ProviderException("Razorpay answered " + response.statusCode() + " "
                    + error.path("code").asText("") + ": " + error.path("description").asText("no description"));
        }
        if (!answer.path("id").isTextual()) {
            throw new ProviderException("Razorpay's answer has no id");
        }
        return answer;
    }
}

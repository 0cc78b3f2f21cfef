package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.earnings.PayoutProvider;
import com.mrmentor.platform.shared.earnings.PayoutMethod;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RazorpayX's payouts API: {@code POST /v1/payouts} with a composite fund account (a VPA, or a bank account with its
 * IFSC), mode UPI or IMPS, purpose {@code payout}, our payout id as {@code reference_id} and as the
 * {@code X-Payout-Idempotency} key, so a repeated call creates one payout. A 4xx is a refusal for good; a 5xx or an
 * unreachable API is "unavailable" (try later).
 */
public class RazorpayXPayoutProvider implements PayoutProvider {

    private final URI baseUrl;
    private final String authorization;
    private final String accountNumber;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public RazorpayXPayoutProvider(String baseUrl, String keyId, String keySecret, String accountNumber,
                                   ObjectMapper json, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((keyId + ':' + keySecret).getBytes(StandardCharsets.UTF_8));
        this.accountNumber = accountNumber;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "razorpayx";
    }

    @Override
    public ProviderPayout createPayout(String reference, long amount, String currency, PayoutMethod method,
                                      String destination, String narration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_number", accountNumber);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("mode", method == PayoutMethod.UPI ? "UPI" : "IMPS");
        body.put("purpose", "payout");
        body.put("fund_account", fundAccount(method, destination));
        body.put("queue_if_low_balance", true);
        body.put("reference_id", reference);
        body.put("narration", narration.length() > 30 ? narration.substring(0, 30) : narration);
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/v1/payouts"))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("X-Payout-Idempotency", reference)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderUnavailable("RazorpayX could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted", e);
        }
        JsonNode answer = read(response.body());
        if (response.statusCode() >= 500) {
            throw new ProviderUnavailable("RazorpayX answered " + response.statusCode(), null);
        }
        if (response.statusCode() >= 400) {
            throw new PayoutRefused(answer.path("error").path("description").asText("HTTP " + response.statusCode()));
        }
        return new ProviderPayout(answer.path("id").asText(), answer.path("status").asText());
    }

    private static Map<String, Object> fundAccount(PayoutMethod method, String destination) {
        Map<String, Object> account = new LinkedHashMap<>();
        if (method == PayoutMethod.UPI) {
            account.put("account_type", "vpa");
            account.put("vpa", Map.of("address", destination));
        } else {
            String[] parts = destination.split(":");
            account.put("account_type", "bank_account");
            account.put("bank_account", Map.of("name", "Mentor", "ifsc", parts[0], "account_number", parts[1]));
        }
        account.put("contact", Map.of("name", "Mentor", "type", "vendor"));
        return account;
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}

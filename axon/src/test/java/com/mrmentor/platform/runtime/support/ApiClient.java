package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real HTTP client for the tests: JSON in, status + headers + JSON out (raw text for other bodies). */
public final class ApiClient {

    /** One HTTP response. */
    public record Response(int status, java.net.http.HttpHeaders headers, JsonNode body, String rawBody) {

        /** The value of response header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem {@code type} of an error response. */
        public String problemType() {
            return body.path("type").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + rawBody;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Signs in with e-mail and password and returns the bearer token. */
    public String login(String email, String password) {
        Response response = post("/api/auth/login", null, Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.body().get("accessToken").asText();
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        return send("GET", path, token, null, headers);
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body == null ? null : write(body), Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body == null ? null : write(body), Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body == null ? null : write(body), headers);
    }

    /** Posts a raw body, for malformed-JSON tests. */
    public Response postRaw(String path, String token, String rawBody) {
        return send("POST", path, token, rawBody, Map.of());
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) { // a caller may send another type (CSV)
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = !isJson || response.body() == null || response.body().isBlank()
                    ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object from alternating keys and values, keeping nulls (Map.of refuses them). */
    public static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

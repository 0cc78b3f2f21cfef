package com.mrmentor.platform.runtime.web;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Security headers, CORS for configured origins only, and the request body limit. */
class HardeningIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        ApiClient.Response response = api().get("/api/tokens/accounts/" + UUID.randomUUID(), admin());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theDocsPagesGetAPolicyThatLetsSwaggerUiRun() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void aConfiguredOriginMayCallTheApiFromABrowser() {
        ApiClient.Response preflight = api().send("OPTIONS", "/api/tokens/grants", null, null, Map.of(
                "Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anyOtherOriginIsRefused() {
        ApiClient.Response preflight = api().send("OPTIONS", "/api/tokens/grants", null, null, Map.of(
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aBodyOver100KilobytesIsRefusedWith413AndChangesNothing() {
        String admin = admin();
        UUID user = UUID.randomUUID();

        ApiClient.Response response = api().post("/api/tokens/grants", admin,
                json("userId", user, "amount", 5, "category", "PAID", "reason", "x".repeat(110_000)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/payload-too-large");
        assertThat(api().get("/api/tokens/accounts/" + user + "/history", admin).body()).isEmpty();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefusedToo() throws Exception {
        String admin = admin();
        UUID user = UUID.randomUUID();
        byte[] body = ("{\"userId\":\"" + user + "\",\"amount\":5,\"category\":\"PAID\",\"reason\":\""
                + "y".repeat(150_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        // ofInputStream has no known length: the body travels chunked, without Content-Length
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/tokens/grants"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("/problems/payload-too-large");
        assertThat(api().get("/api/tokens/accounts/" + user + "/history", admin).body()).isEmpty();
    }
}

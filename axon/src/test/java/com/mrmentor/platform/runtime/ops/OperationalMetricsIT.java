package com.mrmentor.platform.runtime.ops;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics the operations guide tells to alert on are on {@code /actuator/prometheus} (ADMIN), under the names the
 * guide uses, after commands ran: processor lag and latency per processing group, command latency by type and
 * outcome, the connection pool, the heap, parked events and HTTP errors.
 */
class OperationalMetricsIT extends IntegrationTest {

    private static final String PROCESSOR = "processor=\"token-ledger\"";

    @Test
    void whatOperationsWatchIsExportedForPrometheusAfterACommand() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        new TokenApi(api()).grant(admin, user, 5, "PAID");
        ApiClient.Response refused = api().post("/api/tokens/holds", admin, json("userId", UUID.randomUUID(),
                "amount", 50, "reference", "metrics", "expiresAt", Instant.now().plusSeconds(3600).toString()));
        assertThat(refused.status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String metrics = scrape(admin);

            // the ledger processor handled the grant's event live, and has caught up
            assertThat(value(metrics, "axon_processor_latency_seconds_count{" + PROCESSOR + "}")).isGreaterThan(0);
            assertThat(metrics).contains("axon_processor_latency_seconds_bucket{" + PROCESSOR + ",le=\"5.0\"}");
            assertThat(value(metrics, "axon_processor_lag_events{" + PROCESSOR + "}")).isZero();
            assertThat(value(metrics, "axon_processor_lag_duration_seconds{" + PROCESSOR + "}")).isZero();

            // commands by type and outcome, with a bucket at the 250 ms alert threshold
            assertThat(value(metrics, "axon_commands_seconds_count{command=\"RequestTokenGrant\",outcome=\"success\"}"))
                    .isGreaterThan(0);
            assertThat(metrics).contains(
                    "axon_commands_seconds_bucket{command=\"RequestTokenGrant\",outcome=\"success\",le=\"0.25\"}");
            assertThat(metrics).containsPattern("axon_commands_seconds_count\\{command=\"\\w+\",outcome=\"rejected\"}");

            assertThat(metrics).containsPattern("hikaricp_connections_pending\\{pool=\"[^\"]+\"}")
                    .containsPattern("hikaricp_connections_active\\{pool=\"[^\"]+\"}")
                    .containsPattern("hikaricp_connections_max\\{pool=\"[^\"]+\"}")
                    .containsPattern("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"}")
                    .containsPattern("jvm_memory_max_bytes\\{area=\"heap\",id=\"[^\"]+\"}")
                    .contains("axon_dead_letters{processing_group=\"token-ledger\"}")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"409\"[^}]*}");
        });
    }

    @Test
    void noMetricIsTaggedWithAnAggregateOrUser() {
        String admin = admin();
        UUID user = UUID.randomUUID();
        new TokenApi(api()).grant(admin, user, 5, "PAID");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(scrape(admin)).contains("axon_commands_seconds_count{command=\"RequestTokenGrant\"")
                        .doesNotContain(user.toString()));
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        assertThat(api().get("/actuator/prometheus", auditor()).status()).isEqualTo(403);
        assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
    }

    private String scrape(String admin) {
        ApiClient.Response response = api().get("/actuator/prometheus", admin);
        assertThat(response.status()).isEqualTo(200);
        return response.rawBody();
    }

    /** The sample's value of the series {@code series} (name and labels exactly as exported). */
    private static double value(String metrics, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(sample.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}

package com.mrmentor.platform.runtime.ops;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Parked events are retried by a cluster-wide recurring task, and counted where operations can alert on them. */
class DeadLetterOperationsIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyProjectionsParkedEventsAreCountedForMonitoring() {
        ApiClient.Response metrics = api().get("/actuator/prometheus", admin());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.rawBody())
                .contains("axon_dead_letters{processing_group=\"token-accounts\"} 0.0")
                .contains("axon_dead_letters{processing_group=\"token-ledger\"} 0.0")
                .contains("axon_dead_letters{processing_group=\"token-grants\"} 0.0");
    }

    @Test
    void oneNodeRetriesParkedEventsEveryMinute() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'dead-letter-retry'",
                Integer.class)).isEqualTo(1);
    }
}

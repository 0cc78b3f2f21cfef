package com.mrmentor.platform.runtime.messaging;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Gives parked events another go. A projection that fails on an event parks it (and the rest of that wallet's
 * events) in {@code dead_letter_entry}; most failures are passing (a dropped connection, a deadlock), so one node
 * of the cluster retries the parked sequences every {@code platform.dead-letters.retry-interval}. What keeps
 * failing stays parked and shows in the gauge {@code axon.dead_letters{processing_group=…}}, to alert on.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);
    /** Sequences retried per group and run, so that one run stays short. */
    private static final int MAX_PER_RUN = 100;

    @Bean
    RecurringTask<Void> retryDeadLetters(EventProcessingConfiguration processing,
                                        @Value("${platform.dead-letters.groups}") List<String> groups,
                                        @Value("${platform.dead-letters.retry-interval:PT1M}") Duration interval) {
        return Tasks.recurring("dead-letter-retry", Schedules.fixedDelay(interval))
                .execute((instance, context) -> groups.forEach(group -> processing
                        .sequencedDeadLetterProcessor(group)
                        .ifPresent(processor -> retry(group, processor))));
    }

    @Bean
    Object deadLetterGauges(MeterRegistry registry, JdbcTemplate jdbc,
                            @Value("${platform.dead-letters.groups}") List<String> groups) {
        groups.forEach(group -> Gauge.builder("axon.dead_letters", () -> jdbc.queryForObject(
                        "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, group))
                .tag("processing_group", group)
                .description("Events parked by a failing event handler")
                .register(registry));
        return groups;
    }

    /** One group's retries; a failure of the retry itself is logged and does not keep the other groups waiting. */
    private static void retry(String group, SequencedDeadLetterProcessor<?> processor) {
        int succeeded = 0;
        try {
            for (int attempt = 0; attempt < MAX_PER_RUN; attempt++) {
                if (!processor.processAny()) {
                    break;
                }
                succeeded++;
            }
        } catch (RuntimeException failure) {
            log.warn("Retrying the parked events of {} failed; the next run tries again", group, failure);
        }
        if (succeeded > 0) {
            log.info("Retried {} parked event sequences of {} successfully", succeeded, group);
        }
    }
}

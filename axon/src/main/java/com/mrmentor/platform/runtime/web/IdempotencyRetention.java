package com.mrmentor.platform.runtime.web;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Idempotency keys are a retry window, not an archive: stored responses older than
 * {@code platform.idempotency.retention} (default one day) are purged every hour, by one node of the cluster
 * (a db-scheduler recurring task). A retry after the window acts again, as with Stripe's 24-hour keys.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    @Bean
    RecurringTask<Void> purgeExpiredIdempotencyRecords(IdempotencyStore store, Clock clock,
                                                       @Value("${platform.idempotency.retention:P1D}")
                                                       Duration retention) {
        return Tasks.recurring("idempotency-record-purge", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int purged = store.purgeCreatedBefore(clock.instant().minus(retention));
                    if (purged > 0) {
                        log.info("Purged {} idempotency records older than {}", purged, retention);
                    }
                });
    }
}

package com.mrmentor.platform.runtime.security;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.mrmentor.platform.command.common.RateLimits;
import com.mrmentor.platform.command.identity.SignInThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Hourly clean-up on one node of the cluster: failed sign-ins older than their window and rate-limit hits older than a day count for nothing, and hashes of
 * refresh and invitation tokens past their expiry can never be accepted again.
 */
@Configuration(proxyBeanMethods = false)
class IdentityHousekeeping {

    @Bean
    RecurringTask<Void> purgeOldSignInFailures(SignInThrottle throttle) {
        return Tasks.recurring("sign-in-failure-purge", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> throttle.purge());
    }

    @Bean
    RecurringTask<Void> purgeRateLimitHits(RateLimits rateLimits) {
        return Tasks.recurring("rate-limit-hit-purge", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> rateLimits.purgeOlderThan(Duration.ofDays(1)));
    }

    @Bean
    RecurringTask<Void> purgeExpiredOpaqueTokens(JdbcTemplate jdbc, Clock clock) {
        return Tasks.recurring("opaque-token-purge", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> jdbc.update("DELETE FROM opaque_token WHERE expires_at < ?",
                        Timestamp.from(clock.instant().minus(Duration.ofDays(1)))));
    }
}

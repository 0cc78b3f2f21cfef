package com.mrmentor.platform.command.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sliding-window limits on how often something may happen per key (sign-ups per IP, reset requests per e-mail…),
 * counted in table {@code rate_limit_hit} so that they hold across nodes and restarts. Two racing requests may both
 * pass at the edge of a limit; these limits slow abuse down, they do not guard money.
 */
@Component
public class RateLimits {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RateLimits(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one hit for {@code key} in {@code bucket} unless {@code max} hits happened within {@code window}; answers
     * how long to wait when the limit is reached (and then counts nothing).
     */
    public Optional<Duration> tryAcquire(String bucket, String key, int max, Duration window) {
        Instant now = clock.instant();
        List<Instant> hits = jdbc.query("SELECT hit_at FROM rate_limit_hit WHERE bucket = ? AND hit_key = ? "
                        + "AND hit_at > ? ORDER BY hit_at DESC",
                (rs, row) -> rs.getTimestamp(1).toInstant(), bucket, key, Timestamp.from(now.minus(window)));
        if (hits.size() >= max) {
            Instant freeAt = hits.get(max - 1).plus(window);
            return Optional.of(Duration.between(now, freeAt));
        }
        jdbc.update("INSERT INTO rate_limit_hit (bucket, hit_key, hit_at) VALUES (?, ?, ?)", bucket, key,
                Timestamp.from(now));
        return Optional.empty();
    }

    /** Deletes hits older than {@code age}; run periodically. */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("DELETE FROM rate_limit_hit WHERE hit_at < ?", Timestamp.from(clock.instant().minus(age)));
    }

    /** A limit was reached; {@code retryAfter} says when the next attempt may pass. */
    public static class LimitReached extends RuntimeException {
        private final Duration retryAfter;
        private final String code;

        public LimitReached(String code, String message, Duration retryAfter) {
            super(message, null, false, false);
            this.code = code;
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        public String code() {
            return code;
        }
    }
}

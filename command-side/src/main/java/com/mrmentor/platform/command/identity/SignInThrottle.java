package com.mrmentor.platform.command.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Limits failed sign-ins per account and per client IP ({@code max-failures} within {@code window}, 5 per 15
 * minutes by default). Once a limit is reached every attempt for that account or from that IP, right or wrong, is
 * refused until the oldest counted failure leaves the window, so guessing cannot go on. A successful sign-in
 * clears the account's count. Failures live in PostgreSQL, so the limit holds across nodes and restarts.
 */
@Component
public class SignInThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;
    private final int maxPerAccount;
    private final int maxPerIp;

    public SignInThrottle(JdbcTemplate jdbc, Clock clock,
                          @Value("${platform.security.sign-in.window:PT15M}") Duration window,
                          @Value("${platform.security.sign-in.max-failures-per-account:5}") int maxPerAccount,
                          @Value("${platform.security.sign-in.max-failures-per-ip:5}") int maxPerIp) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.maxPerAccount = maxPerAccount;
        this.maxPerIp = maxPerIp;
    }

    /** How long sign-ins for {@code email} from {@code ip} are refused, if they are. */
    public Optional<Duration> blockedFor(String email, String ip) {
        Instant now = clock.instant();
        return max(blockedFor(accountKey(email), maxPerAccount, now), blockedFor(ipKey(ip), maxPerIp, now));
    }

    /** Counts a failed sign-in against the account and the IP. */
    public void recordFailure(String email, String ip) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO sign_in_failure (subject_key, failed_at) VALUES (?, ?), (?, ?)",
                accountKey(email), now, ipKey(ip), now);
    }

    /** A successful sign-in clears the account's failures (the IP's stay). */
    public void recordSuccess(String email) {
        jdbc.update("DELETE FROM sign_in_failure WHERE subject_key = ?", accountKey(email));
    }

    int purgeOlderThanWindow() {
        return jdbc.update("DELETE FROM sign_in_failure WHERE failed_at < ?",
                Timestamp.from(clock.instant().minus(window)));
    }

    private Optional<Duration> blockedFor(String key, int max, Instant now) {
        List<Instant> failures = jdbc.query("SELECT failed_at FROM sign_in_failure WHERE subject_key = ? "
                        + "AND failed_at > ? ORDER BY failed_at DESC",
                (rs, row) -> rs.getTimestamp(1).toInstant(), key, Timestamp.from(now.minus(window)));
        if (failures.size() < max) {
            return Optional.empty();
        }
        // Blocked until the max-th most recent failure leaves the window: then fewer than max remain.
        Instant unblockedAt = failures.get(max - 1).plus(window);
        return Optional.of(Duration.between(now, unblockedAt));
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    /** Keyed by a hash of the e-mail, so that the table holds no addresses (it holds at most an hour of rows). */
    private static String accountKey(String email) {
        return "account:" + Secrets.sha256(EmailIndex.normalise(email));
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }

    /** Deletes failures older than the window (they count for nothing); run periodically. */
    public int purge() {
        return purgeOlderThanWindow();
    }
}

package com.mrmentor.platform.command.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    /**
     * An attempt that was counted as a failure before its password was checked.
     *
     * @param blockedFor how long attempts are refused, when this one was (it then counts for nothing)
     */
    public record Attempt(String email, long accountRow, long ipRow, Optional<Duration> blockedFor) {
    }

    /**
     * Starts a sign-in attempt by counting it as a failure <em>first</em>, so that parallel guesses see each other:
     * of N attempts racing at the limit, none gets past it. If the limit is exceeded the attempt is uncounted and
     * refused ({@link Attempt#blockedFor()}); otherwise the caller checks the credentials and, if they are right,
     * calls {@link #succeeded(Attempt)}.
     */
    public Attempt begin(String email, String ip) {
        Instant now = clock.instant();
        long accountRow = insert(accountKey(email), now);
        long ipRow = insert(ipKey(ip), now);
        boolean over = count(accountKey(email), now) > maxPerAccount || count(ipKey(ip), now) > maxPerIp;
        if (!over) {
            return new Attempt(email, accountRow, ipRow, Optional.empty());
        }
        jdbc.update("DELETE FROM sign_in_failure WHERE id IN (?, ?)", accountRow, ipRow);
        Optional<Duration> wait = blockedFor(email, ip);
        return new Attempt(email, accountRow, ipRow, Optional.of(wait.orElse(Duration.ofSeconds(1))));
    }

    /** The attempt's credentials were right: the account's failures are cleared, the address's count loses it. */
    public void succeeded(Attempt attempt) {
        jdbc.update("DELETE FROM sign_in_failure WHERE subject_key = ? OR id = ?", accountKey(attempt.email()),
                attempt.ipRow());
    }

    private long insert(String key, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "INSERT INTO sign_in_failure (subject_key, failed_at) VALUES (?, ?)", new String[] {"id"});
            statement.setString(1, key);
            statement.setTimestamp(2, Timestamp.from(at));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    private long count(String key, Instant now) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_failure WHERE subject_key = ? AND failed_at > ?",
                Long.class, key, Timestamp.from(now.minus(window)));
        return count == null ? 0 : count;
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

package com.mrmentor.platform.runtime.web;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, per caller and {@code Idempotency-Key}, the request's fingerprint and the response it got. Each call
 * runs in its own short transaction (auto-commit): the claim must be visible to a concurrent retry at once.
 */
@Component
class IdempotencyStore {

    /** What is known about a key. */
    record Entry(String fingerprint, boolean completed, int status, String contentType, String location,
                 byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for a request in flight; false if someone claimed it before. */
    boolean claim(String principal, String key, String fingerprint) {
        try {
            jdbc.update("INSERT INTO idempotency_record (principal, idempotency_key, fingerprint, completed, "
                    + "created_at) VALUES (?, ?, ?, FALSE, ?)", principal, key, fingerprint, now());
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    Optional<Entry> find(String principal, String key) {
        return jdbc.query("SELECT fingerprint, completed, response_status, response_content_type, "
                        + "response_location, response_body FROM idempotency_record "
                        + "WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)),
                principal, key).stream().findFirst();
    }

    void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET completed = TRUE, response_status = ?, response_content_type = ?, "
                        + "response_location = ?, response_body = ?, completed_at = ? "
                        + "WHERE principal = ? AND idempotency_key = ?",
                status, contentType, location, body, now(), principal, key);
    }

    /** Forgets a claim whose request failed on our side, so that a retry may act. */
    void release(String principal, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE principal = ? AND idempotency_key = ? AND completed = FALSE",
                principal, key);
    }

    /** Forgets every key claimed before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

package com.mrmentor.platform.runtime.web;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers, per caller and {@code Idempotency-Key}, the request's fingerprint and the response it got. Each call
 * runs in its own short transaction (auto-commit): the claim must be visible to a concurrent retry at once.
 */
@Component
class IdempotencyStore {

    /** What is known about a key. */
    record Entry(String fingerprint, boolean completed, int status, String contentType, String location,
                 byte[] body, UUID claimId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for a request in flight and returns the claim's id; empty if someone claimed it before. */
    Optional<UUID> claim(String principal, String key, String fingerprint) {
        UUID claimId = UUID.randomUUID();
        try {
            jdbc.update("INSERT INTO idempotency_record (principal, idempotency_key, fingerprint, completed, "
                    + "created_at, claim_id) VALUES (?, ?, ?, FALSE, ?, ?)", principal, key, fingerprint, now(),
                    claimId);
            return Optional.of(claimId);
        } catch (DuplicateKeyException alreadyClaimed) {
            return Optional.empty();
        }
    }

    /** Takes over a claim left retriable by an earlier attempt; false if another retry took it first. */
    boolean takeOver(String principal, String key) {
        return jdbc.update("UPDATE idempotency_record SET retriable = FALSE WHERE principal = ? "
                + "AND idempotency_key = ? AND retriable = TRUE AND completed = FALSE", principal, key) == 1;
    }

    /** Leaves the claim for a retry: the outcome of this attempt is unknown or said "try again". */
    void leaveRetriable(String principal, String key) {
        jdbc.update("UPDATE idempotency_record SET retriable = TRUE WHERE principal = ? AND idempotency_key = ? "
                + "AND completed = FALSE", principal, key);
    }

    Optional<Entry> find(String principal, String key) {
        return jdbc.query("SELECT fingerprint, completed, response_status, response_content_type, "
                        + "response_location, response_body, claim_id, retriable FROM idempotency_record "
                        + "WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getObject(7, UUID.class)),
                principal, key).stream().findFirst();
    }

    void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET completed = TRUE, response_status = ?, response_content_type = ?, "
                        + "response_location = ?, response_body = ?, completed_at = ? "
                        + "WHERE principal = ? AND idempotency_key = ?",
                status, contentType, location, body, now(), principal, key);
    }

    /** Forgets every key claimed before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

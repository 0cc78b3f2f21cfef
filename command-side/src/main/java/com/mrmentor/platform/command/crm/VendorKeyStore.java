package com.mrmentor.platform.command.crm;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Vendor API keys as the platform checks them: SHA-256 hashes of the keys (never the keys), scopes, rate limits and
 * status, in table {@code crm_vendor_key} outside the event store. Written by {@link VendorApiKey}'s handlers in the
 * transaction of their events, so a revocation counts from the next request.
 */
@Component
public class VendorKeyStore {

    private final JdbcTemplate jdbc;

    public VendorKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void issued(UUID keyId, String vendor, List<String> scopes, int ratePerMinute, String prefix, String hash,
                Instant at) {
        jdbc.update("INSERT INTO crm_vendor_key (key_id, vendor, scopes, rate_per_minute, prefix, secret_hash, status, "
                        + "issued_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)", keyId, vendor, String.join(",", scopes),
                ratePerMinute, prefix, hash, Timestamp.from(at));
    }

    void rotated(UUID keyId, String prefix, String hash, Instant at) {
        jdbc.update("UPDATE crm_vendor_key SET prefix = ?, secret_hash = ?, rotated_at = ? WHERE key_id = ?", prefix,
                hash, Timestamp.from(at), keyId);
    }

    void revoked(UUID keyId, Instant at) {
        jdbc.update("UPDATE crm_vendor_key SET status = 'REVOKED', revoked_at = ? WHERE key_id = ?", Timestamp.from(at),
                keyId);
    }

    /** The active key with this hash. */
    public Optional<Key> activeByHash(String hash) {
        return jdbc.query("SELECT key_id, vendor, scopes, rate_per_minute FROM crm_vendor_key WHERE secret_hash = ? "
                + "AND status = 'ACTIVE'", (rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getString(2),
                List.of(rs.getString(3).split(",")), rs.getInt(4)), hash).stream().findFirst();
    }

    public void used(UUID keyId, Instant at) {
        jdbc.update("UPDATE crm_vendor_key SET last_used_at = ? WHERE key_id = ?", Timestamp.from(at), keyId);
    }

    /** Every key, without secrets, newest first. */
    public List<KeyView> all() {
        return jdbc.query("SELECT key_id, vendor, scopes, rate_per_minute, prefix, status, issued_at, rotated_at, "
                + "revoked_at, last_used_at FROM crm_vendor_key ORDER BY issued_at DESC", (rs, n) -> new KeyView(
                rs.getObject(1, UUID.class), rs.getString(2), List.of(rs.getString(3).split(",")), rs.getInt(4),
                rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10))));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** An active key: what it may do and how often. */
    public record Key(UUID keyId, String vendor, List<String> scopes, int ratePerMinute) {
    }

    /** A key as administrators see it: never the secret, only its first characters. */
    public record KeyView(UUID keyId, String vendor, List<String> scopes, int ratePerMinute, String prefix,
                          String status, Instant issuedAt, Instant rotatedAt, Instant revokedAt, Instant lastUsedAt) {
    }
}

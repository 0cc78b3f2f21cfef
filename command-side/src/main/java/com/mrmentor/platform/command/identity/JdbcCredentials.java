package com.mrmentor.platform.command.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@link Credentials} in table {@code account_credential}: BCrypt password hashes, and TOTP secrets sealed with the
 * owner's personal-data key.
 */
@Component
class JdbcCredentials implements Credentials {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecretSealer sealer;
    /** Compared against when a user has no password, so that timing does not reveal which accounts have one. */
    private final String decoyHash;

    JdbcCredentials(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock, SecretSealer sealer) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.sealer = sealer;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public void setPassword(UUID userId, String passwordHash) {
        ensureRow(userId);
        jdbc.update("UPDATE account_credential SET password_hash = ?, updated_at = ? WHERE user_id = ?",
                passwordHash, now(), userId);
    }

    @Override
    public boolean passwordMatches(UUID userId, String rawPassword) {
        List<String> hashes = jdbc.query("SELECT password_hash FROM account_credential WHERE user_id = ?",
                (rs, row) -> rs.getString(1), userId);
        String hash = hashes.isEmpty() ? null : hashes.get(0);
        boolean matches = passwords.matches(rawPassword, hash == null ? decoyHash : hash);
        return matches && hash != null;
    }

    @Override
    public void setPendingTotpSecret(UUID userId, String base32Secret) {
        ensureRow(userId);
        jdbc.update("UPDATE account_credential SET totp_pending_secret = ?, updated_at = ? WHERE user_id = ?",
                sealer.seal(userId, base32Secret), now(), userId);
    }

    @Override
    public boolean activatePendingTotpSecret(UUID userId) {
        return jdbc.update("UPDATE account_credential SET totp_secret = totp_pending_secret, "
                + "totp_pending_secret = NULL, totp_last_step = NULL, updated_at = ? "
                + "WHERE user_id = ? AND totp_pending_secret IS NOT NULL", now(), userId) == 1;
    }

    @Override
    public String pendingTotpSecret(UUID userId) {
        return sealer.open(single("SELECT totp_pending_secret FROM account_credential WHERE user_id = ?", userId));
    }

    @Override
    public String totpSecret(UUID userId) {
        return sealer.open(single("SELECT totp_secret FROM account_credential WHERE user_id = ?", userId));
    }

    @Override
    public boolean useTotpStep(UUID userId, long step) {
        // one statement: two requests racing with the same code cannot both pass
        return jdbc.update("UPDATE account_credential SET totp_last_step = ? WHERE user_id = ? "
                + "AND (totp_last_step IS NULL OR totp_last_step < ?)", step, userId, step) == 1;
    }

    @Override
    public OptionalLong lastTotpStep(UUID userId) {
        List<Long> steps = jdbc.query("SELECT totp_last_step FROM account_credential WHERE user_id = ?",
                (rs, row) -> rs.getObject(1) == null ? null : rs.getLong(1), userId);
        return steps.isEmpty() || steps.get(0) == null ? OptionalLong.empty() : OptionalLong.of(steps.get(0));
    }

    @Override
    public void forget(UUID userId) {
        jdbc.update("DELETE FROM account_credential WHERE user_id = ?", userId);
    }

    private void ensureRow(UUID userId) {
        jdbc.update("INSERT INTO account_credential (user_id, updated_at) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM account_credential WHERE user_id = ?)", userId, now(), userId);
    }

    private String single(String sql, UUID userId) {
        List<String> values = jdbc.query(sql, (rs, row) -> rs.getString(1), userId);
        return values.isEmpty() ? null : values.get(0);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

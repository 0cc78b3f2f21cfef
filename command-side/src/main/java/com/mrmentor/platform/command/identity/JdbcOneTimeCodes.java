package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.CodePurpose;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@link OneTimeCodes} in table {@code one_time_code}, hashed with the password encoder (BCrypt): a 6-digit code has
 * too little entropy for a plain hash to protect it if the table leaked.
 */
@Component
class JdbcOneTimeCodes implements OneTimeCodes {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder hashes;
    private final Clock clock;

    JdbcOneTimeCodes(JdbcTemplate jdbc, PasswordEncoder hashes, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.clock = clock;
    }

    @Override
    public void store(UUID userId, CodePurpose purpose, String codeHash) {
        discard(userId, purpose);
        jdbc.update("INSERT INTO one_time_code (user_id, purpose, code_hash, created_at) VALUES (?, ?, ?, ?)",
                userId, purpose.name(), codeHash, Timestamp.from(clock.instant()));
    }

    @Override
    public boolean matches(UUID userId, CodePurpose purpose, String code) {
        List<String> stored = jdbc.query("SELECT code_hash FROM one_time_code WHERE user_id = ? AND purpose = ?",
                (rs, row) -> rs.getString(1), userId, purpose.name());
        return !stored.isEmpty() && code != null && hashes.matches(code, stored.get(0));
    }

    @Override
    public void discard(UUID userId, CodePurpose purpose) {
        jdbc.update("DELETE FROM one_time_code WHERE user_id = ? AND purpose = ?", userId, purpose.name());
    }

    @Override
    public void forget(UUID userId) {
        jdbc.update("DELETE FROM one_time_code WHERE user_id = ?", userId);
    }
}

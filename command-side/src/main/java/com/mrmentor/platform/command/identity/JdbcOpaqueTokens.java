package com.mrmentor.platform.command.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** {@link OpaqueTokens} in table {@code opaque_token}, keyed by the token's SHA-256. */
@Component
class JdbcOpaqueTokens implements OpaqueTokens {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcOpaqueTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void store(String tokenHash, Kind kind, UUID subjectId, int generation, java.time.Instant expiresAt) {
        jdbc.update("INSERT INTO opaque_token (token_hash, kind, subject_id, generation, expires_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", tokenHash, kind.name(), subjectId, generation,
                Timestamp.from(expiresAt), Timestamp.from(clock.instant()));
    }

    @Override
    public Optional<Holder> find(String tokenHash, Kind kind) {
        return jdbc.query("SELECT subject_id, generation, expires_at FROM opaque_token "
                                + "WHERE token_hash = ? AND kind = ?",
                        (rs, row) -> new Holder(kind, rs.getObject(1, UUID.class), rs.getInt(2),
                                rs.getTimestamp(3).toInstant()),
                        tokenHash, kind.name())
                .stream().findFirst();
    }
}

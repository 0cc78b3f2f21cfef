package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.projections.common.DeferredStatements;
import com.mrmentor.platform.shared.tokens.LotAllocation;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokensHeld;
import com.mrmentor.platform.runtime.support.MigratedH2;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The ledger's insert-once statement ({@code ON CONFLICT DO NOTHING}) on the embedded default database: H2 in
 * PostgreSQL mode, made by the real migrations. A redelivered event writes its line once. (The integration tests run
 * the same statement on PostgreSQL.)
 */
class InsertOnceOnH2Test {

    private final HikariDataSource database = MigratedH2.create();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRedeliveredEventWritesItsLedgerLineOnce() {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        TokenLedgerProjection ledger = new TokenLedgerProjection(mock(TokenLedgerEntryRepository.class),
                new DeferredStatements(jdbc));
        UUID wallet = UUID.randomUUID();
        TokensHeld held = new TokensHeld(wallet, UUID.randomUUID(), 3, "booking-1",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(new LotAllocation(UUID.randomUUID(),
                TokenCategory.PAID, 3)), null, 7, 3);
        String eventId = UUID.randomUUID().toString();

        ledger.on(held, eventId, 4, Instant.parse("2026-11-21T10:00:00Z"));
        ledger.on(held, eventId, 4, Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(jdbc.queryForList("SELECT entry_type FROM token_ledger_entry WHERE user_id = ?", String.class,
                wallet)).containsExactly("HOLD");
    }
}

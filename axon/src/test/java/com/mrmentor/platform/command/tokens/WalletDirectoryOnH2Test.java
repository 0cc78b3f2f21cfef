package com.mrmentor.platform.command.tokens;

import com.mrmentor.platform.runtime.support.MigratedH2;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet directory's insert-once ({@code ON CONFLICT DO NOTHING}) on the embedded default database: a grant's id
 * is published twice (requested, then granted) and remembered once.
 */
class WalletDirectoryOnH2Test {

    @Test
    void aGrantPublishedTwiceIsRememberedOnce() {
        try (HikariDataSource database = MigratedH2.create()) {
            TokenWalletDirectory directory = new TokenWalletDirectory(new JdbcTemplate(database));
            UUID wallet = UUID.randomUUID();
            UUID grant = UUID.randomUUID();
            TokenGrantRequested requested = new TokenGrantRequested(wallet, grant, 500, TokenCategory.PAID, "bulk",
                    null, UUID.randomUUID(), 100, Instant.parse("2026-11-28T00:00:00Z"));

            directory.on(requested);
            directory.on(requested);

            assertThat(directory.ownerOfGrant(grant)).contains(wallet);
            assertThat(new JdbcTemplate(database).queryForObject(
                    "SELECT count(*) FROM token_wallet_directory WHERE reference_id = ?", Long.class, grant)).isOne();
        }
    }
}

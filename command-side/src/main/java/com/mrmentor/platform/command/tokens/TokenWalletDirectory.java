package com.mrmentor.platform.command.tokens;

import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.TokensHeld;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the wallet a grant or hold belongs to, so that {@code /grants/{id}/approve} or {@code /holds/{id}/capture}
 * can address the right aggregate.
 *
 * <p>Owned by the command side and never exposed as a read model. Its processing group runs as a
 * <em>subscribing</em> processor (see {@code application.yml}), so the row is written in the same transaction as
 * the event that creates the grant or hold: a client can approve or capture right after the 201. Its primary key
 * also makes hold ids unique for good, which the wallet aggregate relies on instead of remembering every hold.
 */
@Component
@ProcessingGroup(TokenWalletDirectory.PROCESSING_GROUP)
public class TokenWalletDirectory {

    static final String PROCESSING_GROUP = "token-wallet-directory";

    private final JdbcTemplate jdbc;

    public TokenWalletDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TokenGrantRequested event) {
        remember(event.grantId(), "GRANT", event.userId());
    }

    @EventHandler
    void on(TokensGranted event) {
        remember(event.grantId(), "GRANT", event.userId());
    }

    /** Hold ids are unique across all wallets and all time: a reused id fails the command that reuses it. */
    @EventHandler
    void on(TokensHeld event) {
        try {
            jdbc.update("INSERT INTO token_wallet_directory (reference_id, reference_kind, user_id) VALUES (?, ?, ?)",
                    event.holdId(), "HOLD", event.userId());
        } catch (DuplicateKeyException reused) {
            throw TokenRules.duplicateHold();
        }
    }

    /** The owner of the wallet holding {@code grantId}, if the grant exists. */
    public Optional<UUID> ownerOfGrant(UUID grantId) {
        return ownerOf(grantId, "GRANT");
    }

    /** The owner of the wallet holding {@code holdId}, if the hold exists. */
    public Optional<UUID> ownerOfHold(UUID holdId) {
        return ownerOf(holdId, "HOLD");
    }

    private Optional<UUID> ownerOf(UUID referenceId, String kind) {
        return jdbc.query("SELECT user_id FROM token_wallet_directory WHERE reference_id = ? AND reference_kind = ?",
                        (rs, row) -> rs.getObject(1, UUID.class), referenceId, kind)
                .stream().findFirst();
    }

    private void remember(UUID referenceId, String kind, UUID userId) {
        // Approval re-publishes the grant id (requested, then granted): insert once, the key deciding (a cached plan of
        // a NOT EXISTS subquery can go stale as the table grows, docs/performance.md)
        jdbc.update("INSERT INTO token_wallet_directory (reference_id, reference_kind, user_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", referenceId, kind, userId);
    }
}

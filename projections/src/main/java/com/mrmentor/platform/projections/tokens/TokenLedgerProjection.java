package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.projections.common.DeferredStatements;
import com.mrmentor.platform.shared.tokens.BalanceMovement;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantExpired;
import com.mrmentor.platform.shared.tokens.TokenGrantRevoked;
import com.mrmentor.platform.shared.tokens.TokenHoldCaptured;
import com.mrmentor.platform.shared.tokens.TokenHoldReleased;
import com.mrmentor.platform.shared.tokens.TokenWalletEvent;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.TokensHeld;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes one ledger line per event that moves tokens. A line is keyed by its event's id, so a redelivered event
 * writes nothing twice.
 */
@Component
@ProcessingGroup(TokenLedgerProjection.PROCESSING_GROUP)
public class TokenLedgerProjection {

    public static final String PROCESSING_GROUP = "token-ledger";

    /**
     * One statement per line, and nothing for a line already written (a redelivered event): the JPA way (an existence
     * query, then a merge that queries again before its insert) cost three round trips per event, which is what a
     * replay of a million events spends its time on (docs/performance.md). The unique key decides, not a
     * {@code NOT EXISTS} subquery: PostgreSQL caches a prepared statement's plan, and one planned while the table was
     * nearly empty (right after a replay's reset) kept scanning the whole table for every line. The statements of a
     * batch of events go to PostgreSQL together when it commits ({@link DeferredStatements}): nothing here reads a
     * line back.
     */
    private static final String INSERT_ONCE = "INSERT INTO token_ledger_entry (entry_id, user_id, wallet_sequence, "
            + "entry_type, amount, balance_after, held_after, category, reference, reason, actor, occurred_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final TokenLedgerEntryRepository entries;
    private final DeferredStatements statements;

    public TokenLedgerProjection(TokenLedgerEntryRepository entries, DeferredStatements statements) {
        this.entries = entries;
        this.statements = statements;
    }

    @EventHandler
    void on(TokensGranted e, @MessageIdentifier String id, @SequenceNumber long seq, @Timestamp Instant at) {
        write(id, seq, at, e, "GRANT", e.category(), e.grantId().toString(), e.reason(),
                e.approvedBy() != null ? e.approvedBy() : e.grantedBy());
    }

    @EventHandler
    void on(TokenGrantExpired e, @MessageIdentifier String id, @SequenceNumber long seq, @Timestamp Instant at) {
        write(id, seq, at, e, "EXPIRY", e.category(), e.grantId().toString(), null, null);
    }

    @EventHandler
    void on(TokenGrantRevoked e, @MessageIdentifier String id, @SequenceNumber long seq, @Timestamp Instant at) {
        write(id, seq, at, e, "REVOCATION", e.category(), e.grantId().toString(), e.reason(), e.revokedBy());
    }

    @EventHandler
    void on(TokensHeld e, @MessageIdentifier String id, @SequenceNumber long seq, @Timestamp Instant at) {
        write(id, seq, at, e, "HOLD", null, e.reference(), null, e.placedBy());
    }

    @EventHandler
    void on(TokenHoldCaptured e, @MessageIdentifier String id, @SequenceNumber long seq, @Timestamp Instant at) {
        write(id, seq, at, e, "CAPTURE", null, e.reference(), null, e.capturedBy());
    }

    @EventHandler
    void on(TokenHoldReleased e, @MessageIdentifier String id, @SequenceNumber long seq, @Timestamp Instant at) {
        write(id, seq, at, e, e.reason().name(), null, e.reference(), e.note(), e.releasedBy());
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private void write(String eventId, long sequence, Instant at, BalanceMovement movement, String type,
                       TokenCategory category, String reference, String reason, UUID actor) {
        statements.update(INSERT_ONCE, eventId, ((TokenWalletEvent) movement).userId(), sequence, type,
                movement.amount(), movement.balanceAfter(), movement.heldAfter(),
                category == null ? null : category.name(), reference, reason, actor, java.sql.Timestamp.from(at));
    }
}

package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.shared.tokens.TokenCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One ledger line, keyed by the id of the event behind it so a redelivered event writes nothing. */
@Entity
@Table(name = "token_ledger_entry")
public class TokenLedgerEntryEntity {

    @Id
    @Column(name = "entry_id")
    private String entryId;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "wallet_sequence")
    private long sequence;
    @Column(name = "entry_type")
    private String type;
    private long amount;
    @Column(name = "balance_after")
    private long balanceAfter;
    @Column(name = "held_after")
    private long heldAfter;
    @Enumerated(EnumType.STRING)
    private TokenCategory category;
    private String reference;
    private String reason;
    private UUID actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected TokenLedgerEntryEntity() {
    }

    TokenLedgerEntryEntity(String entryId, UUID userId, long sequence, String type, long amount, long balanceAfter,
                           long heldAfter, TokenCategory category, String reference, String reason, UUID actor,
                           Instant occurredAt) {
        this.entryId = entryId;
        this.userId = userId;
        this.sequence = sequence;
        this.type = type;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.heldAfter = heldAfter;
        this.category = category;
        this.reference = reference;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public String getEntryId() {
        return entryId;
    }

    public UUID getUserId() {
        return userId;
    }

    public long getSequence() {
        return sequence;
    }

    public String getType() {
        return type;
    }

    public long getAmount() {
        return amount;
    }

    public long getBalanceAfter() {
        return balanceAfter;
    }

    public long getHeldAfter() {
        return heldAfter;
    }

    public TokenCategory getCategory() {
        return category;
    }

    public String getReference() {
        return reference;
    }

    public String getReason() {
        return reason;
    }

    public UUID getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}

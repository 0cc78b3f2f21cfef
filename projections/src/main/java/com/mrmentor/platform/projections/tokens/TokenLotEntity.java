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

/** The tokens of one grant still in a wallet: what per-category balances and the next expiry are made of. */
@Entity
@Table(name = "token_account_lot")
public class TokenLotEntity {

    @Id
    @Column(name = "grant_id")
    private UUID grantId;
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private TokenCategory category;
    private long remaining;
    private long held;
    @Column(name = "expires_at")
    private Instant expiresAt;
    private boolean closed;

    protected TokenLotEntity() {
    }

    TokenLotEntity(UUID grantId, UUID userId, TokenCategory category, long amount, Instant expiresAt) {
        this.grantId = grantId;
        this.userId = userId;
        this.category = category;
        this.remaining = amount;
        this.expiresAt = expiresAt;
    }

    void hold(long amount) {
        held += amount;
    }

    void unhold(long amount) {
        held -= amount;
    }

    void spend(long amount) {
        held -= amount;
        remaining -= amount;
    }

    void remove(long amount) {
        remaining -= amount;
        closed = true;
    }

    public UUID getGrantId() {
        return grantId;
    }

    public TokenCategory getCategory() {
        return category;
    }

    public long getRemaining() {
        return remaining;
    }

    public long getHeld() {
        return held;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isClosed() {
        return closed;
    }
}

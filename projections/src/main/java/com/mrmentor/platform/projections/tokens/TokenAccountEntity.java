package com.mrmentor.platform.projections.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A wallet's totals. {@code lastSequence} makes redelivered events harmless. */
@Entity
@Table(name = "token_account")
public class TokenAccountEntity {

    @Id
    @Column(name = "user_id")
    private UUID userId;
    private long balance;
    private long held;
    @Column(name = "last_sequence")
    private long lastSequence;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TokenAccountEntity() {
    }

    TokenAccountEntity(UUID userId) {
        this.userId = userId;
        this.lastSequence = -1;
    }

    boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    void applyTotals(long balanceAfter, long heldAfter, long sequence, Instant at) {
        this.balance = balanceAfter;
        this.held = heldAfter;
        this.lastSequence = sequence;
        this.updatedAt = at;
    }

    void markApplied(long sequence, Instant at) {
        this.lastSequence = sequence;
        this.updatedAt = at;
    }

    public UUID getUserId() {
        return userId;
    }

    public long getBalance() {
        return balance;
    }

    public long getHeld() {
        return held;
    }

    public long getLastSequence() {
        return lastSequence;
    }
}

package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A grant and where it stands; approvers list the pending ones. */
@Entity
@Table(name = "token_grant")
public class TokenGrantEntity {

    @Id
    @Column(name = "grant_id")
    private UUID grantId;
    @Column(name = "user_id")
    private UUID userId;
    private long amount;
    @Enumerated(EnumType.STRING)
    private TokenCategory category;
    @Enumerated(EnumType.STRING)
    private TokenGrantStatus status;
    private String reason;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "requested_by")
    private UUID requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "decided_by")
    private UUID decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;
    private long remaining;
    @Enumerated(EnumType.STRING)
    private GrantSource source;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "last_sequence")
    private long lastSequence = -1;

    protected TokenGrantEntity() {
    }

    TokenGrantEntity(UUID grantId, UUID userId, long amount, TokenCategory category, TokenGrantStatus status,
                     String reason, Instant expiresAt, UUID requestedBy, Instant requestedAt, GrantSource source,
                     UUID orderId) {
        this.grantId = grantId;
        this.userId = userId;
        this.amount = amount;
        this.category = category;
        this.status = status;
        this.reason = reason;
        this.expiresAt = expiresAt;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.remaining = status == TokenGrantStatus.GRANTED ? amount : 0;
        this.source = source;
        this.orderId = orderId;
    }

    boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    void markApplied(long sequence) {
        this.lastSequence = sequence;
    }

    void decide(TokenGrantStatus newStatus, UUID by, Instant at, String note) {
        this.status = newStatus;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
    }

    void credit() {
        this.status = TokenGrantStatus.GRANTED;
        this.remaining = amount;
    }

    void close(TokenGrantStatus closedAs, long removed, String note) {
        if (status == TokenGrantStatus.GRANTED) {
            this.status = closedAs;
            this.decisionNote = note;
        }
        this.remaining -= removed;
    }

    void spend(long amount) {
        this.remaining -= amount;
    }

    public UUID getGrantId() {
        return grantId;
    }

    public UUID getUserId() {
        return userId;
    }

    public long getAmount() {
        return amount;
    }

    public TokenCategory getCategory() {
        return category;
    }

    public TokenGrantStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public UUID getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public UUID getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public long getRemaining() {
        return remaining;
    }

    public GrantSource getSource() {
        return source;
    }

    public UUID getOrderId() {
        return orderId;
    }
}

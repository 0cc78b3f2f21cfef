package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.LotAllocation;
import com.mrmentor.platform.shared.tokens.TokenGrantApproved;
import com.mrmentor.platform.shared.tokens.TokenGrantExpired;
import com.mrmentor.platform.shared.tokens.TokenGrantLapsed;
import com.mrmentor.platform.shared.tokens.TokenGrantRejected;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import com.mrmentor.platform.shared.tokens.TokenGrantRevoked;
import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import com.mrmentor.platform.shared.tokens.TokenHoldCaptured;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps every grant with its status and unspent remainder. Each row remembers the last wallet event applied to it,
 * so redelivered events change nothing.
 */
@Component
@ProcessingGroup(TokenGrantProjection.PROCESSING_GROUP)
public class TokenGrantProjection {

    public static final String PROCESSING_GROUP = "token-grants";

    private final TokenGrantRepository grants;

    public TokenGrantProjection(TokenGrantRepository grants) {
        this.grants = grants;
    }

    @EventHandler
    void on(TokenGrantRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!grants.existsById(e.grantId())) {
            insert(new TokenGrantEntity(e.grantId(), e.userId(), e.amount(), e.category(),
                    TokenGrantStatus.PENDING_APPROVAL, e.reason(), e.expiresAt(), e.requestedBy(), at,
                    GrantSource.MANUAL, null), seq);
        }
    }

    @EventHandler
    void on(TokenGrantApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.grantId(), seq, grant -> grant.decide(TokenGrantStatus.PENDING_APPROVAL, e.approvedBy(), at, null));
    }

    @EventHandler
    void on(TokensGranted e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (grants.existsById(e.grantId())) {
            change(e.grantId(), seq, TokenGrantEntity::credit);
        } else {
            insert(new TokenGrantEntity(e.grantId(), e.userId(), e.amount(), e.category(), TokenGrantStatus.GRANTED,
                    e.reason(), e.expiresAt(), e.grantedBy(), at, e.source(), e.orderId()), seq);
        }
    }

    @EventHandler
    void on(TokenGrantRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.grantId(), seq, grant -> grant.decide(TokenGrantStatus.REJECTED, e.rejectedBy(), at, e.reason()));
    }

    @EventHandler
    void on(TokenGrantLapsed e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.grantId(), seq, grant -> grant.decide(TokenGrantStatus.LAPSED, null, at, null));
    }

    @EventHandler
    void on(TokenGrantExpired e, @SequenceNumber long seq) {
        change(e.grantId(), seq, grant -> grant.close(TokenGrantStatus.EXPIRED, e.amount(), null));
    }

    @EventHandler
    void on(TokenGrantRevoked e, @SequenceNumber long seq) {
        change(e.grantId(), seq, grant -> grant.close(TokenGrantStatus.REVOKED, e.amount(), e.reason()));
    }

    @EventHandler
    void on(TokenHoldCaptured e, @SequenceNumber long seq) {
        for (LotAllocation allocation : e.allocations()) {
            change(allocation.grantId(), seq, grant -> grant.spend(allocation.amount()));
        }
    }

    @ResetHandler
    void reset() {
        grants.deleteAllInBatch();
    }

    private void insert(TokenGrantEntity grant, long sequence) {
        grant.markApplied(sequence);
        grants.save(grant);
    }

    private void change(UUID grantId, long sequence, Consumer<TokenGrantEntity> change) {
        grants.findById(grantId).filter(grant -> !grant.alreadyApplied(sequence)).ifPresent(grant -> {
            change.accept(grant);
            grant.markApplied(sequence);
        });
    }
}

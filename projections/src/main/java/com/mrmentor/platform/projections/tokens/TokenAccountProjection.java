package com.mrmentor.platform.projections.tokens;

import com.mrmentor.platform.shared.tokens.BalanceMovement;
import com.mrmentor.platform.shared.tokens.LotAllocation;
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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Keeps each wallet's totals and its lots (tokens per grant) for {@code GET /api/tokens/accounts/{userId}}.
 * Every wallet event advances the account's {@code lastSequence}; an event at or below it was applied already.
 */
@Component
@ProcessingGroup(TokenAccountProjection.PROCESSING_GROUP)
public class TokenAccountProjection {

    public static final String PROCESSING_GROUP = "token-accounts";

    private final TokenAccountRepository accounts;
    private final TokenLotRepository lots;

    public TokenAccountProjection(TokenAccountRepository accounts, TokenLotRepository lots) {
        this.accounts = accounts;
        this.lots = lots;
    }

    @EventHandler
    void on(TokensGranted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event, sequence, at, () -> lots.save(new TokenLotEntity(event.grantId(), event.userId(),
                event.category(), event.amount(), event.expiresAt())));
    }

    @EventHandler
    void on(TokenGrantExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event, sequence, at, () -> lots.findById(event.grantId()).ifPresent(lot -> lot.remove(event.amount())));
    }

    @EventHandler
    void on(TokenGrantRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event, sequence, at, () -> lots.findById(event.grantId()).ifPresent(lot -> lot.remove(event.amount())));
    }

    @EventHandler
    void on(TokensHeld event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event, sequence, at, () -> eachLot(event.allocations(), TokenLotEntity::hold));
    }

    @EventHandler
    void on(TokenHoldCaptured event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event, sequence, at, () -> eachLot(event.allocations(), TokenLotEntity::spend));
    }

    @EventHandler
    void on(TokenHoldReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event, sequence, at, () -> eachLot(event.allocations(), TokenLotEntity::unhold));
    }

    /** Events that move no tokens still open the account and advance its sequence. */
    @EventHandler
    void on(TokenWalletEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TokenAccountEntity account = account(event);
        if (!account.alreadyApplied(sequence)) {
            account.markApplied(sequence, at);
            accounts.save(account);
        }
    }

    @ResetHandler
    void reset() {
        lots.deleteAllInBatch();
        accounts.deleteAllInBatch();
    }

    private void apply(BalanceMovement movement, long sequence, Instant at, Runnable lotChange) {
        TokenAccountEntity account = account((TokenWalletEvent) movement);
        if (account.alreadyApplied(sequence)) {
            return;
        }
        lotChange.run();
        account.applyTotals(movement.balanceAfter(), movement.heldAfter(), sequence, at);
        accounts.save(account);
    }

    private TokenAccountEntity account(TokenWalletEvent event) {
        return accounts.findById(event.userId()).orElseGet(() -> new TokenAccountEntity(event.userId()));
    }

    private void eachLot(List<LotAllocation> allocations, BiConsumer<TokenLotEntity, Long> change) {
        allocations.forEach(a -> lots.findById(a.grantId()).ifPresent(lot -> change.accept(lot, a.amount())));
    }
}

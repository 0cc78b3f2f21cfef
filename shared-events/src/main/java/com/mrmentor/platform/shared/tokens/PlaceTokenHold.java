package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Reserve tokens (the first phase of a spend). Held tokens are not available; the hold is later captured, released
 * or expires at {@code expiresAt}.
 *
 * @param userId    owner of the wallet
 * @param holdId    id chosen by the caller
 * @param amount    number of tokens, positive
 * @param reference what the hold is for (a booking id, say)
 * @param expiresAt when an unresolved hold is released, in the future
 * @param placedBy  who placed it
 */
public record PlaceTokenHold(UUID userId, UUID holdId, long amount, String reference, Instant expiresAt,
                             UUID placedBy) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Give the tokens of an active hold back to the wallet.
 *
 * @param userId     owner of the wallet
 * @param holdId     the hold
 * @param releasedBy who releases it
 * @param note       why, optional
 */
public record ReleaseTokenHold(UUID userId, UUID holdId, UUID releasedBy, String note) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

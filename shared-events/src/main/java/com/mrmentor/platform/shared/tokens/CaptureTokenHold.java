package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Spend the tokens of an active hold (the second phase of a spend).
 *
 * @param userId     owner of the wallet
 * @param holdId     the hold
 * @param capturedBy who captures it
 */
public record CaptureTokenHold(UUID userId, UUID holdId, UUID capturedBy) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Let a grant request lapse because nobody decided it in time. Sent by the approval saga's deadline.
 *
 * @param userId  owner of the wallet
 * @param grantId the pending grant
 */
public record LapseTokenGrant(UUID userId, UUID grantId) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

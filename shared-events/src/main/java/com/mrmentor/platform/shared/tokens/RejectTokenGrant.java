package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Reject a grant request that is waiting for approval.
 *
 * @param userId     owner of the wallet
 * @param grantId    the pending grant
 * @param rejectedBy who rejects it
 * @param reason     why
 */
public record RejectTokenGrant(UUID userId, UUID grantId, UUID rejectedBy, String reason) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

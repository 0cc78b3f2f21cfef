package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Approve a grant request that is waiting for a second approver.
 *
 * @param userId     owner of the wallet
 * @param grantId    the pending grant
 * @param approvedBy the approver, never the requester
 */
public record ApproveTokenGrant(UUID userId, UUID grantId, UUID approvedBy) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

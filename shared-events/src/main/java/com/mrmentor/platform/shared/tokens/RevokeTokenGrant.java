package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Remove the unspent remainder of a grant. Tokens of it that are held stay held; if released later they are
 * removed then, if captured they count as spent.
 *
 * @param userId    owner of the wallet
 * @param grantId   the grant
 * @param revokedBy who revokes it
 * @param reason    why
 */
public record RevokeTokenGrant(UUID userId, UUID grantId, UUID revokedBy, String reason) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

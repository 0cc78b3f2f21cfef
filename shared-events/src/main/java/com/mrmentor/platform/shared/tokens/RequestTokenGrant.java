package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Grant tokens to a user's wallet, opening the wallet on first use. Above the approval threshold the grant is only
 * a request until a second approver decides.
 *
 * @param userId      owner of the wallet
 * @param grantId     id chosen by the caller for this grant
 * @param amount      number of tokens, positive
 * @param category    paid or promotional
 * @param reason      why the tokens are granted
 * @param expiresAt   when the unspent remainder expires, or null for never
 * @param requestedBy the user asking for the grant
 */
public record RequestTokenGrant(UUID userId, UUID grantId, long amount, TokenCategory category, String reason,
                                Instant expiresAt, UUID requestedBy) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

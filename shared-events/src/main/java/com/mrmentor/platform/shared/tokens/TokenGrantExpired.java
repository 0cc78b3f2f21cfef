package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Tokens of a grant expired: at the grant's expiry its unheld remainder, later any of its held tokens
 * that were released.
 */
@Revision("1")
public record TokenGrantExpired(UUID userId, UUID grantId, TokenCategory category, long amount, long balanceAfter,
                                long heldAfter) implements TokenWalletEvent, BalanceMovement {
}

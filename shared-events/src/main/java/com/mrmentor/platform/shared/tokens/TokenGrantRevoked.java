package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Tokens of a grant were revoked: at revocation its unheld remainder, later any of its held tokens
 * that were released. {@code revokedBy} and {@code reason} are those of the revocation.
 */
@Revision("1")
public record TokenGrantRevoked(UUID userId, UUID grantId, TokenCategory category, long amount, String reason,
                                UUID revokedBy, long balanceAfter, long heldAfter) implements TokenWalletEvent, BalanceMovement {
}

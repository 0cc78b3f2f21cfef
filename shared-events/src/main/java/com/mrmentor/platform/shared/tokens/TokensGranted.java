package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * Tokens were credited to the wallet as a new lot that expires at {@code expiresAt} (null: never).
 * {@code approvedBy} is null for grants under the threshold.
 */
@Revision("1")
public record TokensGranted(UUID userId, UUID grantId, long amount, TokenCategory category, String reason,
                            Instant expiresAt, UUID grantedBy, UUID approvedBy, long balanceAfter, long heldAfter) implements TokenWalletEvent, BalanceMovement {
}

package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tokens were reserved for {@code reference}: the balance is unchanged, available went down by {@code amount}.
 */
@Revision("1")
public record TokensHeld(UUID userId, UUID holdId, long amount, String reference, Instant expiresAt,
                        List<LotAllocation> allocations, UUID placedBy, long balanceAfter, long heldAfter) implements TokenWalletEvent, BalanceMovement {
}

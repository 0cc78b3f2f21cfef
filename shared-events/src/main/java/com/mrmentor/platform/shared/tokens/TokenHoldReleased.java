package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * The tokens of a hold went back to the wallet, by someone's release or at the hold's expiry
 * ({@code releasedBy} is null then).
 */
@Revision("1")
public record TokenHoldReleased(UUID userId, UUID holdId, long amount, String reference, List<LotAllocation> allocations,
                                HoldReleaseReason reason, String note, UUID releasedBy, long balanceAfter,
                                long heldAfter) implements TokenWalletEvent, BalanceMovement {
}

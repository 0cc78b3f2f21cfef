package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * The tokens of a hold were spent.
 */
@Revision("1")
public record TokenHoldCaptured(UUID userId, UUID holdId, long amount, String reference, List<LotAllocation> allocations,
                                UUID capturedBy, long balanceAfter, long heldAfter) implements TokenWalletEvent, BalanceMovement {
}

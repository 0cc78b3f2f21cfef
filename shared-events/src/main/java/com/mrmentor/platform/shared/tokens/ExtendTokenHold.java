package com.mrmentor.platform.shared.tokens;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Push back the expiry of an active hold (a rescheduled booking keeps its tokens held until the new date).
 *
 * @param userId     owner of the wallet
 * @param holdId     the hold
 * @param expiresAt  the new expiry, later than the current one
 * @param extendedBy who extends it
 */
public record ExtendTokenHold(UUID userId, UUID holdId, Instant expiresAt, UUID extendedBy) {

    @TargetAggregateIdentifier
    public String walletId() {
        return WalletIds.of(userId);
    }
}

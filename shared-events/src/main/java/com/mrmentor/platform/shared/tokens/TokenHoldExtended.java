package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An active hold now expires later; balance and held amounts are unchanged. */
@Revision("1")
public record TokenHoldExtended(UUID userId, UUID holdId, Instant previousExpiresAt, Instant expiresAt,
                                UUID extendedBy) implements TokenWalletEvent {
}

package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A pending grant was rejected; no tokens were granted.
 */
@Revision("1")
public record TokenGrantRejected(UUID userId, UUID grantId, UUID rejectedBy, String reason) implements TokenWalletEvent {
}

package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A pending grant was not decided in time and lapsed; no tokens were granted.
 */
@Revision("1")
public record TokenGrantLapsed(UUID userId, UUID grantId) implements TokenWalletEvent {
}

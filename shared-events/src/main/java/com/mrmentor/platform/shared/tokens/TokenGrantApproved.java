package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A pending grant was approved by a second approver; {@link TokensGranted} follows.
 */
@Revision("1")
public record TokenGrantApproved(UUID userId, UUID grantId, UUID approvedBy) implements TokenWalletEvent {
}

package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A grant above the approval threshold was requested and waits for a second approver.
 * {@code approvalThreshold} is the policy in force when the request was made; after {@code decideBy} it can no longer be
 * approved or rejected and lapses.
 */
@Revision("1")
public record TokenGrantRequested(UUID userId, UUID grantId, long amount, TokenCategory category, String reason,
                                  Instant expiresAt, UUID requestedBy, long approvalThreshold,
                                  Instant decideBy) implements TokenWalletEvent {
}

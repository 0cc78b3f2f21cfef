package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * Tokens were credited to the wallet as a new lot that expires at {@code expiresAt} (null: never).
 * {@code approvedBy} is null for grants under the threshold; {@code grantedBy} is null for a purchase.
 *
 * <p>Revision 2 states where the tokens came from: {@code source} (a person's grant or a purchase) and, for a
 * purchase, the payment order that bought them ({@code orderId}, null otherwise). Revision 1 left both implicit (a
 * purchase was the grant without {@code grantedBy}, its order only in the reason text); stored revision-1 events
 * are upcast on reading (see {@link TokensGrantedRevision1}).
 */
@Revision("2")
public record TokensGranted(UUID userId, UUID grantId, long amount, TokenCategory category, String reason,
                            Instant expiresAt, UUID grantedBy, UUID approvedBy, long balanceAfter, long heldAfter,
                            GrantSource source, UUID orderId) implements TokenWalletEvent, BalanceMovement {
}

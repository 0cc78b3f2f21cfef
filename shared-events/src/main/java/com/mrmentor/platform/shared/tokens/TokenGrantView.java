package com.mrmentor.platform.shared.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * A grant and where it stands.
 *
 * @param grantId     id
 * @param userId      owner of the wallet
 * @param amount      tokens granted or requested
 * @param category    paid or promotional
 * @param status      GRANTED, PENDING_APPROVAL, REJECTED, LAPSED, EXPIRED or REVOKED
 * @param reason      why it was requested
 * @param expiresAt   when the unspent remainder expires, null for never
 * @param requestedBy who asked
 * @param requestedAt when
 * @param decidedBy   who approved or rejected it, null otherwise
 * @param decidedAt   when it was approved, rejected or lapsed
 * @param decisionNote the rejection's or revocation's reason
 * @param remaining   tokens of it not yet spent, expired or revoked (held ones included)
 * @param source      MANUAL (a person's grant) or PURCHASE (bought with money)
 * @param orderId     the payment order that bought it, for a purchase; null otherwise
 */
public record TokenGrantView(UUID grantId, UUID userId, long amount, TokenCategory category, TokenGrantStatus status,
                             String reason, Instant expiresAt, UUID requestedBy, Instant requestedAt,
                             UUID decidedBy, Instant decidedAt, String decisionNote, long remaining,
                             GrantSource source, UUID orderId) {
}

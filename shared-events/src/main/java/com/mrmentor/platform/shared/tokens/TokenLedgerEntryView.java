package com.mrmentor.platform.shared.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * One ledger line: one event that moved tokens.
 *
 * @param entryId      the id of the event behind the line
 * @param sequence     the event's position in the wallet's stream
 * @param type         GRANT, HOLD, CAPTURE, RELEASE, EXPIRY or REVOCATION
 * @param amount       tokens moved, never negative
 * @param balanceAfter tokens owned afterwards
 * @param heldAfter    tokens held afterwards
 * @param category     category of the grant, for grant, expiry and revocation lines
 * @param reference    what caused it: a grant id, or the hold's reference
 * @param reason       the grant's, revocation's or release's reason, where there is one
 * @param actor        the user who acted, null for the platform itself (expiries)
 * @param occurredAt   when
 */
public record TokenLedgerEntryView(String entryId, long sequence, String type, long amount, long balanceAfter,
                                   long heldAfter, TokenCategory category, String reference, String reason,
                                   UUID actor, Instant occurredAt) {
}

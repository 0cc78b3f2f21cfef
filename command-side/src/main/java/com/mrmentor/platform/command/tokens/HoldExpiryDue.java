package com.mrmentor.platform.command.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * Deadline payload: the hold's expiry, as it was when the deadline was scheduled, has come.
 *
 * @param expiresAt the expiry this deadline was scheduled for; null in deadlines scheduled before holds could be
 *                  extended
 */
record HoldExpiryDue(UUID holdId, Instant expiresAt) {
}

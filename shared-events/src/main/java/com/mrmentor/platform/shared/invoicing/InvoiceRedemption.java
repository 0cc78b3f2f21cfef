package com.mrmentor.platform.shared.invoicing;

import java.time.Instant;
import java.util.UUID;

/**
 * Issue the tax invoice for {@code tokens} of grant {@code grantId} spent by hold {@code holdId}, if they came from
 * a purchase taxed at redemption. Idempotent: a second request for the same hold and grant does nothing.
 */
public record InvoiceRedemption(UUID userId, UUID holdId, UUID grantId, long tokens, String reference,
                                Instant redeemedAt) {
}

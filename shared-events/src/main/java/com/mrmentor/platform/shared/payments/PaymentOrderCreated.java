package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A buyer ordered a token pack at a price the server computed; the provider knows the order as
 * {@code providerOrderId}. {@code gstin} (optional) is the buyer's GST registration, kept for the tax invoice: a
 * business identifier that tax law requires to be kept with the invoice, so it is not erasable personal data.
 */
@Revision("1")
public record PaymentOrderCreated(UUID orderId, UUID userId, PaymentQuote quote, String billingState,
                                  String supplierState, String gstin, String provider, String providerOrderId,
                                  Instant expiresAt, Instant createdAt) implements PaymentOrderEvent {
}

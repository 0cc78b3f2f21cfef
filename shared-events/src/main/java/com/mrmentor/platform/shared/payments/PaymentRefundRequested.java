package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * Finance asked to refund the unspent tokens of a purchase: {@code tokens} were revoked from the wallet in the same
 * transaction, and {@code amount} paise (their share of what was paid; {@code taxableValue} + {@code gst}) are to go
 * back through the provider.
 */
@Revision("1")
public record PaymentRefundRequested(UUID orderId, UUID userId, UUID refundId, String providerPaymentId,
                                     long tokens, long amount, long taxableValue, long gst, String currency,
                                     String reason, UUID requestedBy, Instant requestedAt)
        implements PaymentOrderEvent {
}

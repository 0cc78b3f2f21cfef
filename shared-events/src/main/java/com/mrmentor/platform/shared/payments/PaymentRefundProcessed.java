package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The provider reported the refund paid back ({@code refund.processed}). */
@Revision("1")
public record PaymentRefundProcessed(UUID orderId, UUID userId, UUID refundId, String providerRefundId,
                                     long amount, Instant processedAt) implements PaymentOrderEvent {
}

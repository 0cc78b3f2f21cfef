package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The provider accepted the refund as {@code providerRefundId}; its outcome comes by webhook. */
@Revision("1")
public record PaymentRefundSubmitted(UUID orderId, UUID userId, UUID refundId, String providerRefundId,
                                     Instant submittedAt) implements PaymentOrderEvent {
}

package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The provider has not reported the refund's outcome within the expected time; finance should look at it. */
@Revision("1")
public record PaymentRefundOverdue(UUID orderId, UUID userId, UUID refundId, Instant flaggedAt)
        implements PaymentOrderEvent {
}

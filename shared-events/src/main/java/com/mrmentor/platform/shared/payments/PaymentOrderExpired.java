package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Nobody paid the order within its lifetime (30 minutes by default). */
@Revision("1")
public record PaymentOrderExpired(UUID orderId, UUID userId, Instant expiredAt) implements PaymentOrderEvent {
}

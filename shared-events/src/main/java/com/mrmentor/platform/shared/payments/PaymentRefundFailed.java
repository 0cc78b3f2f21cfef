package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The refund failed: the provider refused the request ({@code providerRefundId} null) or reported
 * {@code refund.failed}. The revoked tokens are not restored by this; finance decides what happens next.
 */
@Revision("1")
public record PaymentRefundFailed(UUID orderId, UUID userId, UUID refundId, String providerRefundId, String reason,
                                  Instant failedAt) implements PaymentOrderEvent {
}

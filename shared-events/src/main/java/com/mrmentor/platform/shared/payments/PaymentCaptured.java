package com.mrmentor.platform.shared.payments;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider captured {@code amount} paise for the order (once per order, whichever report came first); the
 * buyer's wallet was credited {@code tokens} PAID tokens under grant {@code grantId} in the same transaction.
 * {@code late} is true when the payment arrived after the order's expiry (it is honoured all the same).
 */
@Revision("1")
public record PaymentCaptured(UUID orderId, UUID userId, String providerPaymentId, long amount, String currency,
                              long tokens, UUID grantId, CaptureSource source, boolean late, Instant capturedAt)
        implements PaymentOrderEvent {
}

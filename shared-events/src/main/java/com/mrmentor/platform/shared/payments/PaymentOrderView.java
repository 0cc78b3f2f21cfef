package com.mrmentor.platform.shared.payments;

import java.time.Instant;
import java.util.UUID;

/** A payment order as the read model shows it, with its refund (null fields when there is none). */
public record PaymentOrderView(UUID orderId, UUID userId, String pack, long tokens, long taxableValue,
                               int gstRatePercent, long cgst, long sgst, long igst, long amount, String currency,
                               String billingState, String gstin, PaymentOrderStatus status, String provider,
                               String providerOrderId, String providerPaymentId, String capturedVia, Boolean late,
                               Instant createdAt, Instant expiresAt, Instant paidAt, Instant expiredAt,
                               Refund refund) {

    /** The refund of the purchase. */
    public record Refund(UUID refundId, RefundStatus status, long tokens, long amount, String reason,
                         UUID requestedBy, Instant requestedAt, String providerRefundId, String failureReason,
                         boolean overdue, Instant settledAt) {
    }
}

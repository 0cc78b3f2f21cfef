package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The provider's webhook (signature verified) reports refund {@code providerRefundId} of payment
 * {@code providerPaymentId} processed, or failed for {@code failureReason}.
 */
public record SettlePaymentRefund(UUID orderId, String providerPaymentId, String providerRefundId, long amount,
                                  boolean processed, String failureReason, String providerEventId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The provider's answer to the refund request (sent by the refund saga): accepted as {@code providerRefundId}, or
 * refused ({@code providerRefundId} null) for {@code failureReason}.
 */
public record RecordRefundSubmission(UUID orderId, UUID refundId, String providerRefundId, String failureReason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Sent by the refund saga's deadline when the provider has not reported the outcome in time. */
public record FlagRefundOverdue(UUID orderId, UUID refundId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

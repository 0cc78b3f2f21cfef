package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Refund the unspent tokens of a purchase: revoke them from the wallet, then ask the provider for the money. */
public record RequestPaymentRefund(UUID orderId, UUID refundId, UUID requestedBy, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

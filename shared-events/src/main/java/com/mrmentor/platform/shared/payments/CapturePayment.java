package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The provider's webhook (signature already verified) reports payment {@code providerPaymentId} of {@code amount}
 * {@code currency} captured for the order. {@code providerEventId} is remembered, so a repeated delivery does
 * nothing.
 */
public record CapturePayment(UUID orderId, String providerPaymentId, long amount, String currency,
                             String providerEventId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

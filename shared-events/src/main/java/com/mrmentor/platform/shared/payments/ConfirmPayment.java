package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The checkout page's callback: the buyer says the provider took payment {@code providerPaymentId} for the order,
 * with the provider's {@code signature} (HMAC-SHA256 of {@code providerOrderId|providerPaymentId} under the key
 * secret) as proof.
 */
public record ConfirmPayment(UUID orderId, UUID userId, String providerPaymentId, String signature) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

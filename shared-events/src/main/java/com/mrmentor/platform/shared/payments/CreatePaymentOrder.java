package com.mrmentor.platform.shared.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Open a payment order for a pack at the server's price, after the provider created its order.
 *
 * @param orderId         our id
 * @param userId          the buyer (the signed-in caller)
 * @param quote           the server's price of the pack
 * @param billingState    the buyer's state or union territory (ISO 3166-2:IN code): the place of supply
 * @param supplierState   the platform's state, for the GST split
 * @param gstin           the buyer's GST registration, or null
 * @param provider        which provider holds the order ({@code razorpay}, {@code simulator})
 * @param providerOrderId the provider's order id
 * @param expiresAt       when an unpaid order expires
 */
public record CreatePaymentOrder(UUID orderId, UUID userId, PaymentQuote quote, String billingState,
                                 String supplierState, String gstin, String provider, String providerOrderId,
                                 Instant expiresAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.order(orderId);
    }
}

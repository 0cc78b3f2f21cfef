package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.shared.payments.PaymentQuote;

import java.util.UUID;

/**
 * What a captured purchase tells the invoicing: who bought what at which price, where they are billed, and the
 * payment that paid for it.
 */
public record PurchaseFacts(UUID orderId, UUID userId, UUID grantId, String providerPaymentId, PaymentQuote quote,
                            String billingState, String gstin) {
}

package com.mrmentor.platform.command.payments;

import java.util.Map;

/**
 * The port to the payment provider: orders the checkout page pays, and refunds of captured payments. Adapters live
 * in the runtime: a Razorpay HTTP client, and a local simulator (the default) that also pays orders and sends
 * webhooks.
 */
public interface PaymentProvider {

    /** The provider's name as recorded on orders ({@code razorpay}, {@code simulator}). */
    String name();

    /** The public key id the checkout page needs. */
    String keyId();

    /**
     * Creates an order of {@code amount} paise.
     *
     * @param receipt our reference (the order id)
     * @param notes   key-value notes the provider keeps with the order
     * @throws ProviderException when the provider refuses or cannot be reached
     */
    ProviderOrder createOrder(long amount, String currency, String receipt, Map<String, String> notes);

    /**
     * Asks the provider to refund {@code amount} paise of payment {@code providerPaymentId}.
     *
     * @throws ProviderException when the provider refuses or cannot be reached
     */
    ProviderRefund refund(String providerPaymentId, long amount, String receipt, Map<String, String> notes);

    /** An order as the provider created it. */
    record ProviderOrder(String id, long amount, String currency) {
    }

    /** A refund as the provider accepted it; its outcome comes later by webhook. */
    record ProviderRefund(String id, String status) {
    }

    /** The provider refused the call, or could not be reached; the message says why. */
    class ProviderException extends RuntimeException {
        public ProviderException(String message) {
            super(message);
        }

        public ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package com.mrmentor.platform.saga.payments;

import java.util.UUID;

/** The saga's gateway to the payment provider's refunds; the runtime adapts the configured provider to it. */
public interface PaymentRefunds {

    /**
     * Asks the provider to refund {@code amount} paise of payment {@code providerPaymentId}, under our
     * {@code refundId} as receipt.
     *
     * @return the provider's refund id
     * @throws RefundRefused when the provider refuses or cannot be reached
     */
    String refund(String providerPaymentId, long amount, UUID refundId);

    /** The provider did not accept the refund; the message says why. */
    class RefundRefused extends RuntimeException {
        public RefundRefused(String reason) {
            super(reason);
        }
    }
}

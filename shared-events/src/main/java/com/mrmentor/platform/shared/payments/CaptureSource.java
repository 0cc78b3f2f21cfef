package com.mrmentor.platform.shared.payments;

/** Which report of a payment reached the platform first. */
public enum CaptureSource {
    /** The checkout page's callback, signed over {@code providerOrderId|providerPaymentId}. */
    CALLBACK,
    /** The provider's webhook, signed over its raw body. */
    WEBHOOK
}

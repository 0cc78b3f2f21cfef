package com.mrmentor.platform.shared.payments;

import java.util.UUID;

/** Every event of a payment order; all name the order first and its buyer. */
public sealed interface PaymentOrderEvent
        permits PaymentOrderCreated, PaymentCaptured, PaymentOrderExpired, PaymentRefundRequested,
        PaymentRefundSubmitted, PaymentRefundProcessed, PaymentRefundFailed, PaymentRefundOverdue {

    /** The order. */
    UUID orderId();

    /** The buyer. */
    UUID userId();
}

package com.mrmentor.platform.shared.payments;

/** Where a payment order stands: waiting for its payment, paid, or expired unpaid. */
public enum PaymentOrderStatus {
    /** Created with the provider; waiting for the buyer to pay. */
    CREATED,
    /** A payment of the order's amount was captured and its tokens granted. */
    PAID,
    /** Nobody paid within the order's lifetime; a payment that still arrives is honoured (see payments.md). */
    EXPIRED
}

package com.mrmentor.platform.shared.payments;

/** Where the refund of a purchase stands. */
public enum RefundStatus {
    /** The tokens were revoked; the provider has not yet been asked (or not yet answered). */
    REQUESTED,
    /** The provider accepted the refund and will report its outcome. */
    PENDING,
    /** The provider paid the money back. */
    PROCESSED,
    /** The provider refused or failed the refund; the reason is recorded. Nothing is restored by itself. */
    FAILED
}

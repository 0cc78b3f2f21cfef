package com.mrmentor.platform.shared.earnings;

/**
 * A payout's state, named as RazorpayX names them: {@code PENDING} (awaiting finance's decision), {@code QUEUED}
 * (approved, waiting for its batch), {@code PROCESSING} (handed to the provider), {@code PROCESSED} (the bank
 * credited it; UTR known); or {@code REJECTED}, {@code CANCELLED}, {@code FAILED}, and {@code REVERSED} after
 * processed. The last four and REJECTED return the money to the mentor's available balance.
 */
public enum PayoutStatus {
    PENDING, QUEUED, PROCESSING, PROCESSED, REJECTED, CANCELLED, FAILED, REVERSED;

    /** Whether the payout can change no more (REVERSED aside, which follows PROCESSED). */
    public boolean isFinal() {
        return this == PROCESSED || this == REJECTED || this == CANCELLED || this == FAILED || this == REVERSED;
    }
}

package com.mrmentor.platform.shared.tokens;

/** Where a grant stands. */
public enum TokenGrantStatus {
    /** Waiting for a second approver. */
    PENDING_APPROVAL,
    /** Credited; its remainder can be spent. */
    GRANTED,
    /** Refused by an approver. */
    REJECTED,
    /** Not decided in time. */
    LAPSED,
    /** Its expiry passed. */
    EXPIRED,
    /** Revoked by an admin. */
    REVOKED
}

package com.mrmentor.platform.shared.tokens;

/** Why held tokens went back to the wallet. */
public enum HoldReleaseReason {
    /** Someone released the hold (a booking was cancelled, say). */
    RELEASED,
    /** Nobody captured or released the hold before its expiry. */
    EXPIRED
}

package com.mrmentor.platform.shared.tokens;

/** Where tokens came from. Promotional tokens are spent before paid ones. */
public enum TokenCategory {
    /** Bought with money (or granted as a paid equivalent); refundable. */
    PAID,
    /** Given away (bonus, campaign); spent first, never refunded. */
    PROMOTIONAL
}

package com.mrmentor.platform.shared.identity;

/**
 * What checking a one-time code came to. A wrong code is an answer, not an exception: the failed attempt is recorded
 * as an event, and an exception would roll it back.
 */
public enum CodeOutcome {
    ACCEPTED,
    /** Wrong code; attempts remain. */
    WRONG,
    /** Too many wrong attempts; a new code is needed. */
    EXHAUSTED,
    /** The code's validity ended; a new code is needed. */
    EXPIRED,
    /** No code is outstanding for this purpose. */
    NONE
}

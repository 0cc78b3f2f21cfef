package com.mrmentor.platform.shared.booking;

/** What happens to the tokens held for a booking when it ends. */
public enum TokenOutcome {
    /** The held tokens are spent (the session took place, was cancelled late by the student, or the student did not come). */
    CAPTURE,
    /** The held tokens go back to the student. */
    RELEASE
}

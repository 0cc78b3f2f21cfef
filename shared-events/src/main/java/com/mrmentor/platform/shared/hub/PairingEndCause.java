package com.mrmentor.platform.shared.hub;

/** Who ended a pairing. */
public enum PairingEndCause {
    /** The mentee ended it. */
    MENTEE_ENDED,
    /** The mentor released the mentee. */
    MENTOR_RELEASED,
    /** An administrator ended it. */
    ADMIN_ENDED
}

package com.mrmentor.platform.shared.mentorship;

/** Where a user stands as a mentor. */
public enum MentorStatus {
    /** Applied; waiting for an administrator. */
    APPLIED,
    /** The last application was rejected; the user may apply again. */
    REJECTED,
    /** Approved: has a public profile and can be booked. */
    ACTIVE,
    /** Switched off by an administrator: not listed, not bookable. */
    SUSPENDED
}

package com.mrmentor.platform.shared.booking;

/** Where a booking is in its life. REQUESTED and CONFIRMED occupy the mentor's time; the others are final. */
public enum BookingStatus {
    /** Asked for by the student, tokens held, waiting for the mentor. */
    REQUESTED,
    /** Accepted by the mentor: the session will take place. */
    CONFIRMED,
    /** The mentor said no. */
    DECLINED,
    /** The mentor did not answer in time. */
    EXPIRED,
    /** Called off by the student or the mentor. */
    CANCELLED,
    /** The session took place (the mentor completed it, or nobody objected within the grace period). */
    COMPLETED,
    /** One party did not turn up. */
    NO_SHOW;

    /** Whether the booking still holds the mentor's time. */
    public boolean isOpen() {
        return this == REQUESTED || this == CONFIRMED;
    }
}

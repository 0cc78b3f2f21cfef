package com.mrmentor.platform.shared.booking;

/** The two sides of a booking. */
public enum BookingParty {
    STUDENT,
    MENTOR
}

package com.mrmentor.platform.shared.booking;

import java.util.UUID;

/** Aggregate identifiers of the booking context. */
public final class BookingIds {

    private BookingIds() {
    }

    /** The booking aggregate {@code bookingId}: one 30-minute session from request to settlement. */
    public static String booking(UUID bookingId) {
        return "booking:" + bookingId;
    }

    /** The reference written on the ledger hold of a booking. */
    public static String holdReference(UUID bookingId) {
        return "booking:" + bookingId;
    }
}

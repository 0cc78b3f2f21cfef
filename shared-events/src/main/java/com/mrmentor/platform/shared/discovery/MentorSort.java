package com.mrmentor.platform.shared.discovery;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a mentor search is ordered. Every order ends with the mentor id, so that paging is stable.
 */
public enum MentorSort {
    /** Average rating, highest first (unrated last), then completed sessions, most first. The default. */
    RATING("rating"),
    /** Completed sessions, most first, then average rating, highest first (unrated last). */
    SESSIONS("sessions"),
    /** Price per session, cheapest first, then average rating, highest first (unrated last). */
    PRICE("price"),
    /** Next free slot, soonest first (none last), then as {@link #RATING}. */
    NEXT_AVAILABLE("nextAvailable");

    private final String parameter;

    MentorSort(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code sort} request parameter that asks for this order. */
    public String parameter() {
        return parameter;
    }

    /** The order a {@code sort} parameter names (exactly, as in {@link #parameter()}), if any. */
    public static Optional<MentorSort> ofParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }
}

package com.mrmentor.platform.shared.booking;

import java.util.List;

/** One page of bookings and how many match in all. */
public record BookingPage(List<BookingView> items, long total, int page, int size) {
}

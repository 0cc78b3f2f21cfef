/** Reads of bookings: one's own bookings, a booking's detail and timeline, notes, admin lists, reliability. */
package com.mrmentor.platform.query.booking;

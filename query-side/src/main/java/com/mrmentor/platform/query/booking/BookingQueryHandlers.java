package com.mrmentor.platform.query.booking;

import com.mrmentor.platform.projections.booking.BookingReads;
import com.mrmentor.platform.shared.booking.BookingPage;
import com.mrmentor.platform.shared.booking.BookingView;
import com.mrmentor.platform.shared.booking.FindBooking;
import com.mrmentor.platform.shared.booking.FindBookings;
import com.mrmentor.platform.shared.booking.FindMentorNotes;
import com.mrmentor.platform.shared.booking.FindMentorReliability;
import com.mrmentor.platform.shared.booking.MentorNoteView;
import com.mrmentor.platform.shared.booking.MentorReliability;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the booking queries from the booking read models. */
@Component
public class BookingQueryHandlers {

    private final BookingReads reads;

    public BookingQueryHandlers(BookingReads reads) {
        this.reads = reads;
    }

    /** The booking with rating and timeline, or null. */
    @QueryHandler
    public BookingView handle(FindBooking query) {
        return reads.booking(query.bookingId()).orElse(null);
    }

    @QueryHandler
    public BookingPage handle(FindBookings query) {
        return reads.bookings(query);
    }

    @QueryHandler
    public List<MentorNoteView> handle(FindMentorNotes query) {
        return reads.notes(query.bookingId());
    }

    @QueryHandler
    public MentorReliability handle(FindMentorReliability query) {
        return reads.reliability(query.mentorId());
    }
}

package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.shared.booking.BookingCancelled;
import com.mrmentor.platform.shared.booking.BookingCompleted;
import com.mrmentor.platform.shared.booking.BookingDeclined;
import com.mrmentor.platform.shared.booking.BookingNoShowMarked;
import com.mrmentor.platform.shared.booking.BookingRequestExpired;
import com.mrmentor.platform.shared.booking.BookingRequested;
import com.mrmentor.platform.shared.booking.BookingRescheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mentors' taken time, kept so that no two open bookings of a mentor overlap (buffer included), across threads
 * and server nodes alike.
 *
 * <p>An open booking claims every minute of its mentor's time from its start to its end plus the buffer; the table's
 * key (mentor, minute) admits one claim per minute. The processing group is <em>subscribing</em>, so the claims are
 * written in the transaction that stores the booking's event: of two requests racing for one slot, the second one's
 * insert waits for the first to commit and then fails, and its whole unit of work (the tokens it held included)
 * rolls back. The student's time is claimed the same way (without the buffer), so that a student is never booked
 * into two sessions at once. Claims go when the booking ends or moves. Owned by the command side, never read by
 * clients.
 */
@Component
@ProcessingGroup(BookingCalendar.PROCESSING_GROUP)
public class BookingCalendar {

    static final String PROCESSING_GROUP = "booking-calendar";

    private final JdbcTemplate jdbc;

    public BookingCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingRequested event) {
        claim(event.bookingId(), event.mentorId(), event.start(), event.end(), event.bufferMinutes());
        claimStudent(event.bookingId(), event.studentId(), event.start(), event.end());
    }

    @EventHandler
    void on(BookingRescheduled event) {
        free(event.bookingId());
        claim(event.bookingId(), event.mentorId(), event.start(), event.end(), event.bufferMinutes());
        claimStudent(event.bookingId(), event.studentId(), event.start(), event.end());
    }

    @EventHandler
    void on(BookingDeclined event) {
        free(event.bookingId());
    }

    @EventHandler
    void on(BookingRequestExpired event) {
        free(event.bookingId());
    }

    @EventHandler
    void on(BookingCancelled event) {
        free(event.bookingId());
    }

    @EventHandler
    void on(BookingNoShowMarked event) {
        free(event.bookingId());
    }

    @EventHandler
    void on(BookingCompleted event) {
        free(event.bookingId());
    }

    private void claim(UUID bookingId, UUID mentorId, Instant start, Instant end, int bufferMinutes) {
        try {
            jdbc.batchUpdate("INSERT INTO booking_slot_claim (mentor_id, minute_at, booking_id) VALUES (?, ?, ?)",
                    minutes(mentorId, bookingId, start, end.plus(Duration.ofMinutes(bufferMinutes))));
        } catch (DataIntegrityViolationException taken) {
            throw BookingRules.slotUnavailable();
        }
    }

    /** The student's own time: a student is in one session at a time (no buffer: that is the mentor's). */
    private void claimStudent(UUID bookingId, UUID studentId, Instant start, Instant end) {
        try {
            jdbc.batchUpdate("INSERT INTO booking_student_claim (student_id, minute_at, booking_id) VALUES (?, ?, ?)",
                    minutes(studentId, bookingId, start, end));
        } catch (DataIntegrityViolationException taken) {
            throw BookingRules.studentBusy();
        }
    }

    private static List<Object[]> minutes(UUID owner, UUID bookingId, Instant start, Instant until) {
        List<Object[]> minutes = new ArrayList<>();
        for (Instant minute = start.truncatedTo(ChronoUnit.MINUTES); minute.isBefore(until);
             minute = minute.plus(Duration.ofMinutes(1))) {
            minutes.add(new Object[]{owner, Timestamp.from(minute), bookingId});
        }
        return minutes;
    }

    private void free(UUID bookingId) {
        jdbc.update("DELETE FROM booking_slot_claim WHERE booking_id = ?", bookingId);
        jdbc.update("DELETE FROM booking_student_claim WHERE booking_id = ?", bookingId);
    }
}

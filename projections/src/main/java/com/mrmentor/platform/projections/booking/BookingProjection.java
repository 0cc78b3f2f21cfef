package com.mrmentor.platform.projections.booking;

import com.mrmentor.platform.shared.booking.BookingCancelled;
import com.mrmentor.platform.shared.booking.BookingCompleted;
import com.mrmentor.platform.shared.booking.BookingConfirmed;
import com.mrmentor.platform.shared.booking.BookingDeclined;
import com.mrmentor.platform.shared.booking.BookingJoined;
import com.mrmentor.platform.shared.booking.BookingNoShowMarked;
import com.mrmentor.platform.shared.booking.BookingParty;
import com.mrmentor.platform.shared.booking.BookingRequestExpired;
import com.mrmentor.platform.shared.booking.BookingRequested;
import com.mrmentor.platform.shared.booking.BookingRescheduled;
import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.booking.MentorNoteKept;
import com.mrmentor.platform.shared.booking.SessionRated;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps one row per booking, its timeline (one row per event, keyed by the booking's sequence), the student's
 * rating and the mentor's private notes. Each booking row remembers the last event applied, and timeline, rating and
 * note rows are keyed, so redelivered events change nothing; a reset clears everything for a replay. Erasure of a
 * person nulls the personal text they wrote (topics, reasons, comments) and removes their notes.
 */
@Component
@ProcessingGroup(BookingProjection.PROCESSING_GROUP)
public class BookingProjection {

    public static final String PROCESSING_GROUP = "bookings";

    private final JdbcTemplate jdbc;

    public BookingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingRequested e, @SequenceNumber long seq) {
        jdbc.update("INSERT INTO booking_view (booking_id, student_id, mentor_id, status, start_at, end_at, "
                        + "buffer_minutes, mentor_time_zone, topic, price_tokens, hold_id, respond_by, calendar_sequence, "
                        + "requested_at, last_sequence) SELECT ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM booking_view WHERE booking_id = ?)",
                e.bookingId(), e.studentId(), e.mentorId(), ts(e.start()), ts(e.end()), e.bufferMinutes(),
                e.mentorTimeZone(), personal(e.topic()), e.priceTokens(), e.holdId(), ts(e.respondBy()),
                ts(e.requestedAt()), seq, e.bookingId());
        timeline(e.bookingId(), seq, "REQUESTED", e.requestedAt(), e.studentId(), null);
    }

    @EventHandler
    void on(BookingConfirmed e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "status = 'CONFIRMED', meeting_url = ?, calendar_sequence = ?, confirmed_at = ?",
                e.meetingUrl(), e.calendarSequence(), ts(e.confirmedAt()));
        timeline(e.bookingId(), seq, "CONFIRMED", e.confirmedAt(), e.mentorId(), null);
    }

    @EventHandler
    void on(BookingDeclined e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "status = 'DECLINED', ended_at = ?, end_reason = ?, token_outcome = 'RELEASE'",
                ts(e.declinedAt()), personal(e.reason()));
        timeline(e.bookingId(), seq, "DECLINED", e.declinedAt(), e.mentorId(), personal(e.reason()));
    }

    @EventHandler
    void on(BookingRequestExpired e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "status = 'EXPIRED', ended_at = ?, token_outcome = 'RELEASE'", ts(e.expiredAt()));
        timeline(e.bookingId(), seq, "EXPIRED", e.expiredAt(), null, null);
    }

    @EventHandler
    void on(BookingCancelled e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "status = 'CANCELLED', ended_at = ?, end_reason = ?, cancelled_by_party = ?, "
                        + "late_cancellation = ?, token_outcome = ?, calendar_sequence = ?",
                ts(e.cancelledAt()), personal(e.reason()), e.cancelledByParty().name(), e.late(),
                e.tokenOutcome().name(), e.calendarSequence());
        timeline(e.bookingId(), seq, e.late() ? "CANCELLED_LATE" : "CANCELLED", e.cancelledAt(), e.cancelledBy(),
                personal(e.reason()));
    }

    @EventHandler
    void on(BookingRescheduled e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "start_at = ?, end_at = ?, respond_by = ?, calendar_sequence = ?, "
                        + "buffer_minutes = ?, reschedule_count = reschedule_count + 1",
                ts(e.start()), ts(e.end()), ts(e.respondBy()), e.calendarSequence(), e.bufferMinutes());
        timeline(e.bookingId(), seq, "RESCHEDULED", e.rescheduledAt(), e.rescheduledBy(),
                "from " + e.previousStart() + " to " + e.start());
    }

    @EventHandler
    void on(BookingJoined e, @SequenceNumber long seq) {
        String column = e.party() == BookingParty.STUDENT ? "student_joined_at" : "mentor_joined_at";
        change(e.bookingId(), seq, column + " = ?", ts(e.joinedAt()));
        timeline(e.bookingId(), seq, "JOINED", e.joinedAt(), e.userId(), e.party().name());
    }

    @EventHandler
    void on(BookingCompleted e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "status = 'COMPLETED', ended_at = ?, completed_automatically = ?, "
                + "token_outcome = 'CAPTURE'", ts(e.completedAt()), e.automatic());
        timeline(e.bookingId(), seq, e.automatic() ? "AUTO_COMPLETED" : "COMPLETED", e.completedAt(),
                e.completedBy(), null);
    }

    @EventHandler
    void on(BookingNoShowMarked e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "status = 'NO_SHOW', ended_at = ?, absent_party = ?, token_outcome = ?",
                ts(e.markedAt()), e.absentParty().name(), e.tokenOutcome().name());
        timeline(e.bookingId(), seq, "NO_SHOW", e.markedAt(), e.reportedBy(), e.absentParty().name() + " absent");
    }

    @EventHandler
    void on(BookingSettled e, @SequenceNumber long seq) {
        change(e.bookingId(), seq, "captured_tokens = ?, released_tokens = ?, settled_at = ?",
                e.capturedTokens(), e.releasedTokens(), ts(e.settledAt()));
        timeline(e.bookingId(), seq, "SETTLED", e.settledAt(), null,
                e.capturedTokens() > 0 ? e.capturedTokens() + " tokens captured"
                        : e.releasedTokens() + " tokens released");
    }

    @EventHandler
    void on(SessionRated e, @SequenceNumber long seq) {
        jdbc.update("INSERT INTO booking_feedback (booking_id, student_id, mentor_id, stars, experience, "
                        + "mentor_on_time, comment, rated_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM booking_feedback WHERE booking_id = ?)",
                e.bookingId(), e.studentId(), e.mentorId(), e.stars(), e.experience().name(), e.mentorOnTime(),
                personal(e.comment()), ts(e.ratedAt()), e.bookingId());
        change(e.bookingId(), seq, "rated = TRUE");
        timeline(e.bookingId(), seq, "RATED", e.ratedAt(), e.studentId(), e.stars() + " stars");
    }

    /** Private: kept apart from the timeline, which the student reads too. */
    @EventHandler
    void on(MentorNoteKept e, @SequenceNumber long seq) {
        jdbc.update("INSERT INTO booking_note (note_id, booking_id, mentor_id, text, kept_at) SELECT ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM booking_note WHERE note_id = ?)",
                e.noteId(), e.bookingId(), e.mentorId(), personal(e.text()), ts(e.keptAt()), e.noteId());
        change(e.bookingId(), seq, "");
    }

    @EventHandler
    void on(PersonalDataErased e) {
        jdbc.update("UPDATE booking_view SET topic = NULL WHERE student_id = ?", e.userId());
        jdbc.update("UPDATE booking_view SET end_reason = NULL WHERE (student_id = ? AND cancelled_by_party = "
                + "'STUDENT') OR (mentor_id = ? AND (cancelled_by_party = 'MENTOR' OR status = 'DECLINED'))",
                e.userId(), e.userId());
        jdbc.update("UPDATE booking_timeline SET detail = NULL WHERE actor_id = ? AND type IN "
                + "('DECLINED', 'CANCELLED', 'CANCELLED_LATE')", e.userId());
        jdbc.update("UPDATE booking_feedback SET comment = NULL WHERE student_id = ?", e.userId());
        jdbc.update("DELETE FROM booking_note WHERE mentor_id = ?", e.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM booking_note");
        jdbc.update("DELETE FROM booking_feedback");
        jdbc.update("DELETE FROM booking_timeline");
        jdbc.update("DELETE FROM booking_view");
    }

    private void change(UUID bookingId, long seq, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = seq;
        args[values.length + 1] = bookingId;
        args[values.length + 2] = seq;
        String set = assignments.isEmpty() ? "" : assignments + ", ";
        jdbc.update("UPDATE booking_view SET " + set + "last_sequence = ? WHERE booking_id = ? "
                + "AND last_sequence < ?", args);
    }

    private void timeline(UUID bookingId, long seq, String type, Instant at, UUID actor, String detail) {
        jdbc.update("INSERT INTO booking_timeline (booking_id, sequence, type, at, actor_id, detail) "
                        + "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM booking_timeline WHERE booking_id = ? AND sequence = ?)",
                bookingId, seq, type, ts(at), actor, detail == null || detail.length() <= 500 ? detail
                        : detail.substring(0, 500), bookingId, seq);
    }

    private static String personal(String value) {
        return PersonalData.ERASED.equals(value) ? null : value;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package com.mrmentor.platform.saga.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One e-mail about a booking, to one or both parties, as the saga decides it. {@link #key()} names it uniquely
 * (booking, kind, calendar sequence, moves and start): a notice handed over twice — a saga step retried, a saga
 * replayed — is sent once.
 *
 * @param calendar         the calendar entry to attach (an invitation, its update or its cancellation), or null
 * @param calendarSequence the entry's SEQUENCE: 0 for the first invitation, then one more for every change
 * @param moves            how often the booking had been moved when the notice was decided; tells apart the moves of
 *                         a request, whose calendar sequence stays 0, even when one goes back to an earlier start
 * @param detail           a reason or note to show, or null
 */
public record BookingNotice(Kind kind, UUID bookingId, List<UUID> recipients, UUID studentId, UUID mentorId,
                            Instant start, Instant end, String mentorTimeZone, String meetingUrl,
                            CalendarMethod calendar, int calendarSequence, int moves, String detail) {

    public BookingNotice {
        recipients = List.copyOf(recipients);
    }

    /** A notice of a booking that has not been moved. */
    public BookingNotice(Kind kind, UUID bookingId, List<UUID> recipients, UUID studentId, UUID mentorId,
                         Instant start, Instant end, String mentorTimeZone, String meetingUrl,
                         CalendarMethod calendar, int calendarSequence, String detail) {
        this(kind, bookingId, recipients, studentId, mentorId, start, end, mentorTimeZone, meetingUrl, calendar,
                calendarSequence, 0, detail);
    }

    /** What the e-mail is about. */
    public enum Kind {
        REQUESTED, CONFIRMED, RESCHEDULED, DECLINED, EXPIRED, CANCELLED, REMINDER_24H, REMINDER_1H, COMPLETED,
        NO_SHOW
    }

    /** What an attached calendar entry asks of the calendar (RFC 5546). */
    public enum CalendarMethod {
        REQUEST, CANCEL
    }

    /** Unique per e-mail meant: the same notice always has the same key. */
    public String key() {
        return bookingId + ":" + kind + ":" + calendarSequence + ":" + moves + ":" + start;
    }
}

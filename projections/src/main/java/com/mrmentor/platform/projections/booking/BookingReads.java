package com.mrmentor.platform.projections.booking;

import com.mrmentor.platform.shared.booking.BookingPage;
import com.mrmentor.platform.shared.booking.BookingParty;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.BookingView;
import com.mrmentor.platform.shared.booking.FindBookings;
import com.mrmentor.platform.shared.booking.MentorNoteView;
import com.mrmentor.platform.shared.booking.MentorReliability;
import com.mrmentor.platform.shared.booking.SessionExperience;
import com.mrmentor.platform.shared.booking.TokenOutcome;
import com.mrmentor.platform.shared.mentorship.AvailabilitySchedule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the booking read models. */
@Component
public class BookingReads {

    private static final String COLUMNS = "booking_id, student_id, mentor_id, status, start_at, end_at, "
            + "mentor_time_zone, topic, price_tokens, respond_by, meeting_url, calendar_sequence, reschedule_count, "
            + "requested_at, confirmed_at, ended_at, student_joined_at, mentor_joined_at, cancelled_by_party, "
            + "end_reason, late_cancellation, absent_party, completed_automatically, token_outcome, captured_tokens, "
            + "released_tokens, settled_at, rated";

    private final JdbcTemplate jdbc;

    public BookingReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The booking with its rating and timeline. */
    public Optional<BookingView> booking(UUID bookingId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM booking_view WHERE booking_id = ?", VIEW, bookingId)
                .stream().findFirst()
                .map(view -> view.withDetails(feedback(bookingId), timeline(bookingId)));
    }

    public BookingPage bookings(FindBookings query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.participantId() != null) {
            where.append(" AND (student_id = ? OR mentor_id = ?)");
            args.add(query.participantId());
            args.add(query.participantId());
        }
        if (query.studentId() != null) {
            where.append(" AND student_id = ?");
            args.add(query.studentId());
        }
        if (query.mentorId() != null) {
            where.append(" AND mentor_id = ?");
            args.add(query.mentorId());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        String order = " ORDER BY start_at DESC, booking_id";
        if (query.upcoming() != null) {
            where.append(query.upcoming() ? " AND start_at > ?" : " AND start_at <= ?");
            args.add(Timestamp.from(query.now()));
            if (query.upcoming()) {
                order = " ORDER BY start_at ASC, booking_id";
            }
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM booking_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<BookingView> items = jdbc.query("SELECT " + COLUMNS + " FROM booking_view" + where + order
                + " LIMIT ? OFFSET ?", VIEW, pageArgs.toArray());
        return new BookingPage(items, total == null ? 0 : total, query.page(), query.size());
    }

    /** The times a mentor is taken around {@code [from, to)}: open bookings, each until the end of its buffer. */
    public List<AvailabilitySchedule.Busy> busy(UUID mentorId, Instant from, Instant to) {
        return jdbc.query("SELECT start_at, end_at, buffer_minutes FROM booking_view WHERE mentor_id = ? "
                        + "AND status IN ('REQUESTED', 'CONFIRMED') AND end_at > ? AND start_at < ?",
                (rs, i) -> {
                    Duration buffer = Duration.ofMinutes(rs.getInt(3));
                    return new AvailabilitySchedule.Busy(instant(rs, 1), instant(rs, 2).plus(buffer));
                },
                mentorId, Timestamp.from(from.minus(Duration.ofHours(2))), Timestamp.from(to.plus(Duration.ofHours(2))));
    }

    public List<MentorNoteView> notes(UUID bookingId) {
        return jdbc.query("SELECT note_id, booking_id, text, kept_at FROM booking_note WHERE booking_id = ? "
                        + "ORDER BY kept_at, note_id",
                (rs, i) -> new MentorNoteView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), instant(rs, 4)), bookingId);
    }

    public MentorReliability reliability(UUID mentorId) {
        return jdbc.queryForObject("SELECT COUNT(*), "
                        + "SUM(CASE WHEN status = 'DECLINED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'EXPIRED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN confirmed_at IS NOT NULL THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'CANCELLED' AND cancelled_by_party = 'MENTOR' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'CANCELLED' AND cancelled_by_party = 'STUDENT' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'CANCELLED' AND late_cancellation THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'NO_SHOW' AND absent_party = 'MENTOR' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'NO_SHOW' AND absent_party = 'STUDENT' THEN 1 ELSE 0 END) "
                        + "FROM booking_view WHERE mentor_id = ?",
                (rs, i) -> {
                    long completed = rs.getLong(5);
                    long mentorCancelled = rs.getLong(6);
                    long mentorNoShows = rs.getLong(9);
                    long accountable = completed + mentorCancelled + mentorNoShows;
                    Double reliability = accountable == 0 ? null
                            : Math.round(10000.0 * completed / accountable) / 10000.0;
                    return new MentorReliability(mentorId, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), completed, mentorCancelled, rs.getLong(7), rs.getLong(8), mentorNoShows,
                            rs.getLong(10), reliability);
                }, mentorId);
    }

    private BookingView.Feedback feedback(UUID bookingId) {
        return jdbc.query("SELECT stars, experience, mentor_on_time, comment, rated_at FROM booking_feedback "
                        + "WHERE booking_id = ?",
                (rs, i) -> new BookingView.Feedback(rs.getInt(1), SessionExperience.valueOf(rs.getString(2)),
                        rs.getBoolean(3), rs.getString(4), instant(rs, 5)), bookingId)
                .stream().findFirst().orElse(null);
    }

    private List<BookingView.TimelineEntry> timeline(UUID bookingId) {
        return jdbc.query("SELECT sequence, type, at, actor_id, detail FROM booking_timeline WHERE booking_id = ? "
                        + "ORDER BY sequence",
                (rs, i) -> new BookingView.TimelineEntry(rs.getLong(1), rs.getString(2), instant(rs, 3),
                        rs.getObject(4, UUID.class), rs.getString(5)), bookingId);
    }

    private static final RowMapper<BookingView> VIEW = (rs, i) -> new BookingView(
            rs.getObject("booking_id", UUID.class), rs.getObject("student_id", UUID.class),
            rs.getObject("mentor_id", UUID.class), BookingStatus.valueOf(rs.getString("status")),
            instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("mentor_time_zone"), rs.getString("topic"),
            rs.getLong("price_tokens"), instant(rs, "respond_by"), rs.getString("meeting_url"),
            rs.getInt("calendar_sequence"), rs.getInt("reschedule_count"), instant(rs, "requested_at"),
            instant(rs, "confirmed_at"), instant(rs, "ended_at"), instant(rs, "student_joined_at"),
            instant(rs, "mentor_joined_at"), party(rs.getString("cancelled_by_party")), rs.getString("end_reason"),
            rs.getBoolean("late_cancellation"), party(rs.getString("absent_party")),
            rs.getBoolean("completed_automatically"), outcome(rs.getString("token_outcome")),
            (Long) rs.getObject("captured_tokens", Long.class), (Long) rs.getObject("released_tokens", Long.class),
            instant(rs, "settled_at"), rs.getBoolean("rated"), null, List.of());

    private static BookingParty party(String value) {
        return value == null ? null : BookingParty.valueOf(value);
    }

    private static TokenOutcome outcome(String value) {
        return value == null ? null : TokenOutcome.valueOf(value);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

package com.mrmentor.platform.projections.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.SessionRated;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import com.mrmentor.platform.shared.identity.ProfileCompleted;
import com.mrmentor.platform.shared.mentorship.MentorApplicationApproved;
import com.mrmentor.platform.shared.mentorship.MentorApplicationRejected;
import com.mrmentor.platform.shared.mentorship.MentorApplicationSubmitted;
import com.mrmentor.platform.shared.mentorship.MentorProfileUpdated;
import com.mrmentor.platform.shared.mentorship.MentorReinstated;
import com.mrmentor.platform.shared.mentorship.MentorSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The discovery read model: one row per mentor with what a search filters and ranks by (status, profile, a normalised
 * search text, tags, price) and the mentor's completed sessions and ratings; plus one row per completed session and
 * per rating, keyed by booking id, so that a redelivered or replayed settlement or rating counts once. The counters
 * on the mentor row are recounted from those rows (never incremented), so events arriving in any order end in the
 * same numbers. A reset clears every table for a replay.
 *
 * <p>The display name is the account's: copied from the identity read model ({@code user_account}, written in the
 * event's own transaction) when the mentor first applies, then kept by {@link ProfileCompleted}. Erasure of the
 * mentor removes name and profile text and hides the mentor for good; erasure of a student removes their comments.
 */
@Component
@ProcessingGroup(MentorDiscoveryProjection.PROCESSING_GROUP)
public class MentorDiscoveryProjection {

    public static final String PROCESSING_GROUP = "mentor-discovery";

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    public MentorDiscoveryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- mentors --------------------------------------------------------------------------------------------

    @EventHandler
    void on(MentorApplicationSubmitted e, @SequenceNumber long seq) {
        Profile profile = new Profile(personal(e.headline()), personal(e.bio()), e.expertise(), e.track(),
                personal(e.company()), e.languages(), e.pricePerSession());
        boolean changed = jdbc.update("UPDATE discovery_mentor SET status = 'APPLIED', last_sequence = ? "
                + "WHERE user_id = ? AND last_sequence < ?", seq, e.userId(), seq) > 0;
        if (changed) {
            writeProfile(e.userId(), profile);
            return;
        }
        // null when the account is unknown or erased (a replay after erasure)
        List<String> names = jdbc.query("SELECT name FROM user_account WHERE user_id = ?",
                (rs, row) -> rs.getString(1), e.userId());
        String name = names.isEmpty() ? null : names.get(0);
        boolean inserted = jdbc.update("INSERT INTO discovery_mentor (user_id, status, erased, name, expertise, "
                        + "languages, price, search_text, completed_sessions, ratings_count, ratings_sum, "
                        + "last_sequence) SELECT ?, 'APPLIED', FALSE, ?, '[]', '[]', 0, ' ', 0, 0, 0, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM discovery_mentor WHERE user_id = ?)",
                e.userId(), name, seq, e.userId()) > 0;
        if (inserted) {
            writeProfile(e.userId(), profile);
            recount(e.userId());
        }
    }

    @EventHandler
    void on(MentorApplicationApproved e, @SequenceNumber long seq) {
        changeStatus(e.userId(), seq, "ACTIVE");
    }

    @EventHandler
    void on(MentorApplicationRejected e, @SequenceNumber long seq) {
        changeStatus(e.userId(), seq, "REJECTED");
    }

    @EventHandler
    void on(MentorSuspended e, @SequenceNumber long seq) {
        changeStatus(e.userId(), seq, "SUSPENDED");
    }

    @EventHandler
    void on(MentorReinstated e, @SequenceNumber long seq) {
        changeStatus(e.userId(), seq, "ACTIVE");
    }

    @EventHandler
    void on(MentorProfileUpdated e, @SequenceNumber long seq) {
        if (jdbc.update("UPDATE discovery_mentor SET last_sequence = ? WHERE user_id = ? AND last_sequence < ?",
                seq, e.userId(), seq) > 0) {
            writeProfile(e.userId(), new Profile(personal(e.headline()), personal(e.bio()), e.expertise(),
                    e.track(), personal(e.company()), e.languages(), e.pricePerSession()));
        }
    }

    // ---- identity -------------------------------------------------------------------------------------------

    /** The account's name changed (only mentors have a row here). */
    @EventHandler
    void on(ProfileCompleted e) {
        if (jdbc.update("UPDATE discovery_mentor SET name = ? WHERE user_id = ? AND erased = FALSE",
                personal(e.name()), e.userId()) > 0) {
            refreshSearchText(e.userId());
        }
    }

    /**
     * The person was erased. As a mentor: name and profile text go and they are never listed again (counts stay,
     * for the leaderboard's history they are not on). As a student: the comments of their ratings go.
     */
    @EventHandler
    void on(PersonalDataErased e) {
        if (jdbc.update("UPDATE discovery_mentor SET erased = TRUE, name = NULL, headline = NULL, bio = NULL, "
                + "company = NULL, company_key = NULL WHERE user_id = ?", e.userId()) > 0) {
            refreshSearchText(e.userId());
        }
        jdbc.update("UPDATE discovery_review SET comment = NULL WHERE student_id = ?", e.userId());
    }

    // ---- bookings -------------------------------------------------------------------------------------------

    /** A session counts when its booking settles as COMPLETED, once per booking. */
    @EventHandler
    void on(BookingSettled e) {
        if (e.outcome() != BookingStatus.COMPLETED) {
            return;
        }
        if (jdbc.update("INSERT INTO discovery_completed_session (booking_id, mentor_id, settled_at) "
                        + "SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM discovery_completed_session WHERE booking_id = ?)",
                e.bookingId(), e.mentorId(), ts(e.settledAt()), e.bookingId()) > 0) {
            recount(e.mentorId());
        }
    }

    /** One rating per booking; the first one stored stays. */
    @EventHandler
    void on(SessionRated e) {
        if (jdbc.update("INSERT INTO discovery_review (booking_id, mentor_id, student_id, stars, experience, "
                        + "mentor_on_time, comment, rated_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM discovery_review WHERE booking_id = ?)",
                e.bookingId(), e.mentorId(), e.studentId(), e.stars(), e.experience().name(), e.mentorOnTime(),
                blankToNull(personal(e.comment())), ts(e.ratedAt()), e.bookingId()) > 0) {
            recount(e.mentorId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM discovery_review");
        jdbc.update("DELETE FROM discovery_completed_session");
        jdbc.update("DELETE FROM discovery_mentor_tag");
        jdbc.update("DELETE FROM discovery_mentor");
    }

    // ---- writing --------------------------------------------------------------------------------------------

    private record Profile(String headline, String bio, List<String> expertise, String track, String company,
                           List<String> languages, int price) {
    }

    private void changeStatus(UUID userId, long seq, String status) {
        jdbc.update("UPDATE discovery_mentor SET status = ?, last_sequence = ? WHERE user_id = ? "
                + "AND last_sequence < ?", status, seq, userId, seq);
    }

    private void writeProfile(UUID userId, Profile p) {
        List<String> expertise = p.expertise() == null ? List.of() : p.expertise();
        List<String> languages = p.languages() == null ? List.of() : p.languages();
        jdbc.update("UPDATE discovery_mentor SET headline = CASE WHEN erased THEN NULL ELSE ? END, "
                        + "bio = CASE WHEN erased THEN NULL ELSE ? END, expertise = ?, track = ?, track_key = ?, "
                        + "company = CASE WHEN erased THEN NULL ELSE ? END, "
                        + "company_key = CASE WHEN erased THEN NULL ELSE ? END, languages = ?, price = ? "
                        + "WHERE user_id = ?",
                p.headline(), p.bio(), json(expertise), p.track(), SearchText.key(p.track()), p.company(),
                SearchText.key(p.company()), json(languages), p.price(), userId);
        jdbc.update("DELETE FROM discovery_mentor_tag WHERE user_id = ?", userId);
        List<Object[]> tags = new ArrayList<>();
        SearchText.keys(expertise).forEach(tag -> tags.add(new Object[] {userId, "EXPERTISE", tag}));
        SearchText.keys(languages).forEach(tag -> tags.add(new Object[] {userId, "LANGUAGE", tag}));
        jdbc.batchUpdate("INSERT INTO discovery_mentor_tag (user_id, kind, tag_key) VALUES (?, ?, ?)", tags);
        refreshSearchText(userId);
    }

    /** Rebuilds the search text from what the row now shows (so an erased name is not findable). */
    private void refreshSearchText(UUID userId) {
        List<String> document = jdbc.query("SELECT name, headline, bio, expertise FROM discovery_mentor "
                + "WHERE user_id = ?", (rs, row) -> {
                    List<String> parts = new ArrayList<>();
                    parts.add(rs.getString("name"));
                    parts.add(rs.getString("headline"));
                    parts.add(rs.getString("bio"));
                    parts.addAll(read(rs.getString("expertise")));
                    return SearchText.document(parts);
                }, userId);
        document.forEach(text -> jdbc.update("UPDATE discovery_mentor SET search_text = ? WHERE user_id = ?", text,
                userId));
    }

    /** Counts the mentor's completed sessions and ratings from their rows (idempotent, order-independent). */
    private void recount(UUID mentorId) {
        long sessions = jdbc.queryForObject("SELECT COUNT(*) FROM discovery_completed_session WHERE mentor_id = ?",
                Long.class, mentorId);
        Map<String, Object> ratings = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(stars), 0) AS total "
                + "FROM discovery_review WHERE mentor_id = ?", mentorId);
        long count = ((Number) ratings.get("n")).longValue();
        long sum = ((Number) ratings.get("total")).longValue();
        jdbc.update("UPDATE discovery_mentor SET completed_sessions = ?, ratings_count = ?, ratings_sum = ?, "
                + "average_rating = ? WHERE user_id = ?", sessions, count, sum, average(sum, count), mentorId);
    }

    /** The mean of {@code count} ratings summing to {@code sum}, to 2 decimals (half up); null without ratings. */
    static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    static List<String> read(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable discovery read model column", e);
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String personal(String value) {
        return PersonalData.ERASED.equals(value) ? null : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

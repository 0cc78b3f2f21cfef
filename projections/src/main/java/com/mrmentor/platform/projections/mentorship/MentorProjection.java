package com.mrmentor.platform.projections.mentorship;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import com.mrmentor.platform.shared.mentorship.DateAvailabilityCleared;
import com.mrmentor.platform.shared.mentorship.DateAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.MentorApplicationApproved;
import com.mrmentor.platform.shared.mentorship.MentorApplicationRejected;
import com.mrmentor.platform.shared.mentorship.MentorApplicationSubmitted;
import com.mrmentor.platform.shared.mentorship.MentorProfileUpdated;
import com.mrmentor.platform.shared.mentorship.MentorReinstated;
import com.mrmentor.platform.shared.mentorship.MentorSuspended;
import com.mrmentor.platform.shared.mentorship.WeeklyAvailabilitySet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps one row per mentor: application, status, profile and availability. Each row remembers the last mentor event
 * applied, so redelivered events change nothing; a reset clears the table for a replay. Erasure of the person
 * nulls the personal text (a replay reads it as erased anyway).
 */
@Component
@ProcessingGroup(MentorProjection.PROCESSING_GROUP)
public class MentorProjection {

    public static final String PROCESSING_GROUP = "mentor-profiles";

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final JdbcTemplate jdbc;

    public MentorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MentorApplicationSubmitted e, @SequenceNumber long seq) {
        int updated = jdbc.update("UPDATE mentor_profile SET status = 'APPLIED', application_id = ?, headline = ?, "
                        + "bio = ?, expertise = ?, track = ?, company = ?, languages = ?, time_zone = ?, price = ?, "
                        + "applied_at = ?, decided_at = NULL, decided_by = NULL, rejection_reason = NULL, "
                        + "last_sequence = ? WHERE user_id = ? AND last_sequence < ?",
                e.applicationId(), personal(e.headline()), personal(e.bio()), json(e.expertise()), e.track(),
                personal(e.company()), json(e.languages()), e.timeZone(), e.pricePerSession(), ts(e.submittedAt()),
                seq, e.userId(), seq);
        if (updated == 0) {
            jdbc.update("INSERT INTO mentor_profile (user_id, status, application_id, headline, bio, expertise, "
                            + "track, company, languages, time_zone, price, buffer_minutes, weekly, dates, "
                            + "applied_at, last_sequence) SELECT ?, 'APPLIED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '[]', "
                            + "'{}', ?, ? WHERE NOT EXISTS (SELECT 1 FROM mentor_profile WHERE user_id = ?)",
                    e.userId(), e.applicationId(), personal(e.headline()), personal(e.bio()), json(e.expertise()),
                    e.track(), personal(e.company()), json(e.languages()), e.timeZone(), e.pricePerSession(),
                    ts(e.submittedAt()), seq, e.userId());
        }
    }

    @EventHandler
    void on(MentorApplicationApproved e, @SequenceNumber long seq) {
        change(e.userId(), seq, "status = 'ACTIVE', decided_at = ?, decided_by = ?", ts(e.at()), e.approvedBy());
    }

    @EventHandler
    void on(MentorApplicationRejected e, @SequenceNumber long seq) {
        change(e.userId(), seq, "status = 'REJECTED', decided_at = ?, decided_by = ?, rejection_reason = ?",
                ts(e.at()), e.rejectedBy(), e.reason());
    }

    @EventHandler
    void on(MentorProfileUpdated e, @SequenceNumber long seq) {
        change(e.userId(), seq, "headline = ?, bio = ?, expertise = ?, track = ?, company = ?, languages = ?, "
                        + "time_zone = ?, price = ?", personal(e.headline()), personal(e.bio()), json(e.expertise()),
                e.track(), personal(e.company()), json(e.languages()), e.timeZone(), e.pricePerSession());
    }

    @EventHandler
    void on(MentorSuspended e, @SequenceNumber long seq) {
        change(e.userId(), seq, "status = 'SUSPENDED', suspension_reason = ?", e.reason());
    }

    @EventHandler
    void on(MentorReinstated e, @SequenceNumber long seq) {
        change(e.userId(), seq, "status = 'ACTIVE', suspension_reason = NULL");
    }

    @EventHandler
    void on(WeeklyAvailabilitySet e, @SequenceNumber long seq) {
        change(e.userId(), seq, "weekly = ?, buffer_minutes = ?", json(e.windows()), e.bufferMinutes());
    }

    @EventHandler
    void on(DateAvailabilitySet e, @SequenceNumber long seq) {
        updateDates(e.userId(), seq, dates -> dates.put(e.date().toString(), e.windows()));
    }

    @EventHandler
    void on(DateAvailabilityCleared e, @SequenceNumber long seq) {
        updateDates(e.userId(), seq, dates -> dates.remove(e.date().toString()));
    }

    /** The person was erased: their profile text goes; the row stays for counts and bookings. */
    @EventHandler
    void on(PersonalDataErased e) {
        jdbc.update("UPDATE mentor_profile SET headline = NULL, bio = NULL, company = NULL, status = "
                + "CASE WHEN status = 'ACTIVE' THEN 'SUSPENDED' ELSE status END WHERE user_id = ?", e.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM mentor_profile");
    }

    private void updateDates(UUID userId, long seq, java.util.function.Consumer<Map<String, Object>> change) {
        String current = jdbc.query("SELECT dates FROM mentor_profile WHERE user_id = ? AND last_sequence < ?",
                (rs, row) -> rs.getString(1), userId, seq).stream().findFirst().orElse(null);
        if (current == null) {
            return; // unknown mentor, or already applied
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> dates = new TreeMap<>(JSON.readValue(current, Map.class));
            change.accept(dates);
            change(userId, seq, "dates = ?", json(dates));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable availability of mentor " + userId, ex);
        }
    }

    private void change(UUID userId, long seq, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = seq;
        args[values.length + 1] = userId;
        args[values.length + 2] = seq;
        jdbc.update("UPDATE mentor_profile SET " + assignments + ", last_sequence = ? WHERE user_id = ? "
                + "AND last_sequence < ?", args);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String personal(String value) {
        return PersonalData.ERASED.equals(value) ? null : value;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

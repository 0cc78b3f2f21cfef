package com.mrmentor.platform.projections.mentorship;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorView;
import com.mrmentor.platform.shared.mentorship.TimeWindow;
import com.mrmentor.platform.shared.mentorship.WeeklyWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the mentor read model (with the mentor's display name from the account read model). */
@Component
public class MentorReads {

    private static final String SELECT = "SELECT m.*, a.name AS account_name FROM mentor_profile m "
            + "LEFT JOIN user_account a ON a.user_id = m.user_id";

    private final JdbcTemplate jdbc;

    public MentorReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MentorView> mentor(UUID userId) {
        return jdbc.query(SELECT + " WHERE m.user_id = ?", ROW, userId).stream().findFirst();
    }

    /** Mentors in {@code status}, oldest application first. */
    public List<MentorView> inStatus(MentorStatus status, int page, int size) {
        return jdbc.query(SELECT + " WHERE m.status = ? ORDER BY m.applied_at, m.user_id LIMIT ? OFFSET ?", ROW,
                status.name(), size, (long) page * size);
    }

    private static final RowMapper<MentorView> ROW = (rs, row) -> new MentorView(
            rs.getObject("user_id", UUID.class), rs.getString("account_name"),
            MentorStatus.valueOf(rs.getString("status")), rs.getString("headline"), rs.getString("bio"),
            read(rs.getString("expertise"), new TypeReference<List<String>>() { }), rs.getString("track"),
            rs.getString("company"), read(rs.getString("languages"), new TypeReference<List<String>>() { }),
            rs.getString("time_zone"), rs.getInt("price"), rs.getInt("buffer_minutes"),
            read(rs.getString("weekly"), new TypeReference<List<WeeklyWindow>>() { }),
            read(rs.getString("dates"), new TypeReference<Map<LocalDate, List<TimeWindow>>>() { }),
            instant(rs.getTimestamp("applied_at")), instant(rs.getTimestamp("decided_at")),
            rs.getString("rejection_reason"), rs.getString("suspension_reason"));

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MentorProjection.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable mentor read model column", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

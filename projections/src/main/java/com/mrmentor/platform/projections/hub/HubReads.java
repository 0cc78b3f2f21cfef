package com.mrmentor.platform.projections.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mrmentor.platform.shared.hub.ApplicationStatus;
import com.mrmentor.platform.shared.hub.HubApplicationView;
import com.mrmentor.platform.shared.hub.HubGroupView;
import com.mrmentor.platform.shared.hub.PairProgressView;
import com.mrmentor.platform.shared.hub.PairSide;
import com.mrmentor.platform.shared.hub.PairingEndCause;
import com.mrmentor.platform.shared.hub.PairingView;
import com.mrmentor.platform.shared.hub.SessionLogView;
import com.mrmentor.platform.shared.hub.SupportRequestView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** Reads of the hub read models, with people's display names from the account read model. */
@Component
public class HubReads {

    private static final String APPLICATIONS = "SELECT h.*, mu.name AS mentor_name, me.name AS mentee_name "
            + "FROM hub_application h LEFT JOIN user_account mu ON mu.user_id = h.mentor_id "
            + "LEFT JOIN user_account me ON me.user_id = h.mentee_id";
    private static final String PAIRINGS = "SELECT p.*, mu.name AS mentor_name, me.name AS mentee_name "
            + "FROM hub_pairing p LEFT JOIN user_account mu ON mu.user_id = p.mentor_id "
            + "LEFT JOIN user_account me ON me.user_id = p.mentee_id";
    private static final String GROUPS = "SELECT g.*, mu.name AS mentor_name FROM hub_group g "
            + "LEFT JOIN user_account mu ON mu.user_id = g.mentor_id";
    private static final String SUPPORT = "SELECT s.*, mu.name AS mentor_name, me.name AS mentee_name "
            + "FROM hub_support_request s LEFT JOIN user_account mu ON mu.user_id = s.mentor_id "
            + "LEFT JOIN user_account me ON me.user_id = s.mentee_id";

    private final JdbcTemplate jdbc;

    public HubReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applications narrowed by the non-null filters, newest first. */
    public List<HubApplicationView> applications(UUID mentorId, UUID menteeId, ApplicationStatus status, int page,
                                                 int size) {
        Where where = new Where();
        where.add("h.mentor_id = ?", mentorId);
        where.add("h.mentee_id = ?", menteeId);
        where.add("h.status = ?", status == null ? null : status.name());
        return jdbc.query(APPLICATIONS + where.sql() + " ORDER BY h.submitted_at DESC, h.application_id LIMIT ? "
                + "OFFSET ?", APPLICATION, where.args(size, (long) page * size));
    }

    /** The capacity the mentor set, if they set one. */
    public Optional<Integer> maxMentees(UUID mentorId) {
        return jdbc.query("SELECT max_mentees FROM hub_circle WHERE mentor_id = ?",
                (rs, row) -> rs.getInt(1), mentorId).stream().findFirst();
    }

    /** Pairings narrowed by the non-null filters, newest first. */
    public List<PairingView> pairings(UUID mentorId, UUID menteeId, boolean activeOnly) {
        Where where = new Where();
        where.add("p.mentor_id = ?", mentorId);
        where.add("p.mentee_id = ?", menteeId);
        if (activeOnly) {
            where.add("p.active = ?", Boolean.TRUE);
        }
        return jdbc.query(PAIRINGS + where.sql() + " ORDER BY p.paired_at DESC, p.pairing_id", PAIRING,
                where.args());
    }

    public Optional<PairingView> pairing(UUID pairingId) {
        return jdbc.query(PAIRINGS + " WHERE p.pairing_id = ?", PAIRING, pairingId).stream().findFirst();
    }

    /** Groups narrowed by the non-null filters, by cohort then name; members are the current ones. */
    public List<HubGroupView> groups(UUID mentorId, String cohort) {
        Where where = new Where();
        where.add("g.mentor_id = ?", mentorId);
        where.add("g.cohort = ?", cohort);
        List<GroupRow> rows = jdbc.query(GROUPS + where.sql() + " ORDER BY g.cohort, g.name, g.group_id",
                GROUP_ROW, where.args());
        return rows.stream().map(this::withMembers).toList();
    }

    public Optional<HubGroupView> group(UUID groupId) {
        return jdbc.query(GROUPS + " WHERE g.group_id = ?", GROUP_ROW, groupId).stream().findFirst()
                .map(this::withMembers);
    }

    /** Session logs of the pairings {@code participantId} is or was in, newest date first. */
    public List<SessionLogView> sessionLogs(UUID participantId) {
        return jdbc.query("SELECT * FROM hub_session_log WHERE mentor_id = ? OR mentee_id = ? "
                + "ORDER BY session_date DESC, pairing_id", LOG, participantId, participantId);
    }

    /** The needs-support queue, newest first; {@code resolved} null for every item. */
    public List<SupportRequestView> supportRequests(Boolean resolved, int page, int size) {
        String where = resolved == null ? "" : resolved ? " WHERE s.resolved_at IS NOT NULL"
                : " WHERE s.resolved_at IS NULL";
        return jdbc.query(SUPPORT + where + " ORDER BY s.raised_at DESC, s.support_request_id LIMIT ? OFFSET ?",
                SUPPORT_ROW, size, (long) page * size);
    }

    public Optional<SupportRequestView> supportRequest(UUID supportRequestId) {
        return jdbc.query(SUPPORT + " WHERE s.support_request_id = ?", SUPPORT_ROW, supportRequestId).stream()
                .findFirst();
    }

    /**
     * Progress per pairing, narrowed to a mentor and to pairs whose mentee is or was in a group of {@code cohort}
     * with their mentor, where given. A pair is flagged when it is active and its last session (or, with none, its
     * pairing) is before {@code staleBefore}.
     */
    public List<PairProgressView> progress(String cohort, UUID mentorId, LocalDate staleBefore) {
        Where where = new Where();
        where.add("p.mentor_id = ?", mentorId);
        where.add("EXISTS (SELECT 1 FROM hub_group g JOIN hub_group_member gm ON gm.group_id = g.group_id "
                + "WHERE g.mentor_id = p.mentor_id AND gm.mentee_id = p.mentee_id AND g.cohort = ?)", cohort);
        String sql = "SELECT p.pairing_id, p.mentor_id, p.mentee_id, p.paired_at, p.active, "
                + "MAX(mu.name) AS mentor_name, MAX(me.name) AS mentee_name, "
                + "COUNT(l.session_date) AS sessions_logged, COUNT(l.completed_at) AS completed_logs, "
                + "AVG(CAST(l.mentor_score AS DECIMAL(10, 4))) AS average_mentor_score, "
                + "AVG(CAST(l.mentee_score AS DECIMAL(10, 4))) AS average_mentee_score, "
                + "MAX(l.session_date) AS last_session_date "
                + "FROM hub_pairing p LEFT JOIN hub_session_log l ON l.pairing_id = p.pairing_id "
                + "LEFT JOIN user_account mu ON mu.user_id = p.mentor_id "
                + "LEFT JOIN user_account me ON me.user_id = p.mentee_id" + where.sql()
                + " GROUP BY p.pairing_id, p.mentor_id, p.mentee_id, p.paired_at, p.active";
        Map<String, TreeSet<String>> cohorts = cohortsByPair(mentorId);
        List<PairProgressView> rows = jdbc.query(sql, (rs, row) -> {
            UUID pairMentor = rs.getObject("mentor_id", UUID.class);
            UUID pairMentee = rs.getObject("mentee_id", UUID.class);
            Instant pairedAt = instant(rs.getTimestamp("paired_at"));
            boolean active = rs.getBoolean("active");
            LocalDate last = localDate(rs.getDate("last_session_date"));
            LocalDate since = last != null ? last : LocalDate.ofInstant(pairedAt, java.time.ZoneOffset.UTC);
            return new PairProgressView(rs.getObject("pairing_id", UUID.class),
                    List.copyOf(cohorts.getOrDefault(pairMentor + ":" + pairMentee, new TreeSet<>())), pairMentor,
                    rs.getString("mentor_name"), pairMentee, rs.getString("mentee_name"), pairedAt, active,
                    rs.getInt("sessions_logged"), rs.getInt("completed_logs"),
                    oneDecimal(rs.getBigDecimal("average_mentor_score")),
                    oneDecimal(rs.getBigDecimal("average_mentee_score")), last,
                    active && since.isBefore(staleBefore));
        }, where.args());
        List<PairProgressView> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((PairProgressView p) -> String.valueOf(p.mentorName()))
                .thenComparing(p -> String.valueOf(p.menteeName())).thenComparing(PairProgressView::pairedAt));
        return sorted;
    }

    private Map<String, TreeSet<String>> cohortsByPair(UUID mentorId) {
        Map<String, TreeSet<String>> cohorts = new HashMap<>();
        String sql = "SELECT g.mentor_id, gm.mentee_id, g.cohort FROM hub_group g "
                + "JOIN hub_group_member gm ON gm.group_id = g.group_id"
                + (mentorId == null ? "" : " WHERE g.mentor_id = ?");
        jdbc.query(sql, rs -> {
            cohorts.computeIfAbsent(rs.getObject(1, UUID.class) + ":" + rs.getObject(2, UUID.class),
                    key -> new TreeSet<>()).add(rs.getString(3));
        }, mentorId == null ? new Object[0] : new Object[] {mentorId});
        return cohorts;
    }

    private HubGroupView withMembers(GroupRow row) {
        List<HubGroupView.Member> members = jdbc.query("SELECT gm.mentee_id, gm.joined_at, a.name "
                + "FROM hub_group_member gm LEFT JOIN user_account a ON a.user_id = gm.mentee_id "
                + "WHERE gm.group_id = ? AND gm.left_at IS NULL ORDER BY gm.joined_at, gm.mentee_id",
                (rs, i) -> new HubGroupView.Member(rs.getObject("mentee_id", UUID.class), rs.getString("name"),
                        instant(rs.getTimestamp("joined_at"))), row.groupId);
        return new HubGroupView(row.groupId, row.mentorId, row.mentorName, row.name, row.cohort, row.track,
                row.maxSize, members, row.createdAt);
    }

    private record GroupRow(UUID groupId, UUID mentorId, String mentorName, String name, String cohort, String track,
                            int maxSize, Instant createdAt) {
    }

    private static final RowMapper<GroupRow> GROUP_ROW = (rs, row) -> new GroupRow(
            rs.getObject("group_id", UUID.class), rs.getObject("mentor_id", UUID.class), rs.getString("mentor_name"),
            rs.getString("name"), rs.getString("cohort"), rs.getString("track"), rs.getInt("max_size"),
            instant(rs.getTimestamp("created_at")));

    private static final RowMapper<HubApplicationView> APPLICATION = (rs, row) -> new HubApplicationView(
            rs.getObject("application_id", UUID.class), rs.getObject("mentor_id", UUID.class),
            rs.getString("mentor_name"), rs.getObject("mentee_id", UUID.class), rs.getString("mentee_name"),
            rs.getString("goals"), read(rs.getString("interests")), rs.getString("track"), rs.getString("background"),
            ApplicationStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("submitted_at")),
            instant(rs.getTimestamp("updated_at")), rs.getObject("last_changed_by", UUID.class),
            rs.getBoolean("admin_override"), rs.getString("last_reason"));

    private static final RowMapper<PairingView> PAIRING = (rs, row) -> new PairingView(
            rs.getObject("pairing_id", UUID.class), rs.getObject("mentor_id", UUID.class),
            rs.getString("mentor_name"), rs.getObject("mentee_id", UUID.class), rs.getString("mentee_name"),
            rs.getObject("application_id", UUID.class), instant(rs.getTimestamp("paired_at")),
            rs.getBoolean("active"), instant(rs.getTimestamp("ended_at")),
            rs.getString("end_cause") == null ? null : PairingEndCause.valueOf(rs.getString("end_cause")),
            rs.getString("end_reason"));

    private static final RowMapper<SessionLogView> LOG = (rs, row) -> new SessionLogView(
            rs.getObject("pairing_id", UUID.class), localDate(rs.getDate("session_date")),
            rs.getObject("mentor_id", UUID.class), rs.getObject("mentee_id", UUID.class), half(rs, "mentor"),
            half(rs, "mentee"), instant(rs.getTimestamp("completed_at")));

    private static final RowMapper<SupportRequestView> SUPPORT_ROW = (rs, row) -> new SupportRequestView(
            rs.getObject("support_request_id", UUID.class), rs.getObject("pairing_id", UUID.class),
            localDate(rs.getDate("session_date")), rs.getObject("mentor_id", UUID.class), rs.getString("mentor_name"),
            rs.getObject("mentee_id", UUID.class), rs.getString("mentee_name"), PairSide.valueOf(rs.getString("side")),
            rs.getObject("raised_by", UUID.class), rs.getString("reason"), instant(rs.getTimestamp("raised_at")),
            instant(rs.getTimestamp("resolved_at")), rs.getObject("resolved_by", UUID.class),
            rs.getString("resolution_note"));

    /** One side's half, or null while that side has not submitted. */
    private static SessionLogView.Half half(ResultSet rs, String side) throws SQLException {
        Timestamp submittedAt = rs.getTimestamp(side + "_submitted_at");
        if (submittedAt == null) {
            return null;
        }
        return new SessionLogView.Half(rs.getString(side + "_topic"), rs.getInt(side + "_score"),
                rs.getBoolean(side + "_needs_support"), rs.getString(side + "_support_reason"),
                submittedAt.toInstant());
    }

    private static List<String> read(String json) {
        try {
            return HubCircleProjection.JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable hub read model column", e);
        }
    }

    private static Double oneDecimal(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** A WHERE clause of the filters that are given (a null value leaves its condition out). */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void add(String condition, Object value) {
            if (value != null) {
                conditions.add(condition);
                values.add(value);
            }
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Object[] args(Object... more) {
            List<Object> all = new ArrayList<>(values);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }
}

package com.mrmentor.platform.projections.crm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.mrmentor.platform.shared.crm.AssignmentRule;
import com.mrmentor.platform.shared.crm.AssignmentSetupView;
import com.mrmentor.platform.shared.crm.AssignmentStrategy;
import com.mrmentor.platform.shared.crm.BulkAssignmentStatus;
import com.mrmentor.platform.shared.crm.BulkAssignmentView;
import com.mrmentor.platform.shared.crm.CrmDashboardView;
import com.mrmentor.platform.shared.crm.FindLeads;
import com.mrmentor.platform.shared.crm.FollowUpView;
import com.mrmentor.platform.shared.crm.LeadPage;
import com.mrmentor.platform.shared.crm.LeadSource;
import com.mrmentor.platform.shared.crm.LeadStatus;
import com.mrmentor.platform.shared.crm.LeadTimelineEntry;
import com.mrmentor.platform.shared.crm.LeadView;
import com.mrmentor.platform.shared.crm.RepAvailability;
import com.mrmentor.platform.shared.crm.RepBoardView;
import com.mrmentor.platform.shared.crm.RepStatsView;
import com.mrmentor.platform.shared.crm.TargetProgressView;
import com.mrmentor.platform.shared.crm.Temperature;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads of the CRM's read models. */
@Component
public class CrmReads {

    private static final String LEAD_COLUMNS = "lead_id, name, phone, email, city, course_interest, language, "
            + "campaign_id, source, status, temperature, owner_id, rule_id, rule_version, strategy, assigned_at, "
            + "first_contact_due_at, first_contacted_at, sla_breaches, escalated, queued, queue_reason, duplicates, "
            + "student_id, captured_at, updated_at, merged_into";

    private final JdbcTemplate jdbc;

    public CrmReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LeadPage leads(FindLeads query) {
        StringBuilder where = new StringBuilder(" WHERE merged_into IS NULL");
        List<Object> args = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + query.text().trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_")
                    + "%";
            where.append(" AND (LOWER(name) LIKE ? OR phone LIKE ? OR email LIKE ?)");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        eq(where, args, "status", query.status() == null ? null : query.status().name());
        eq(where, args, "owner_id", query.ownerId());
        eq(where, args, "source", query.source() == null ? null : query.source().name());
        eq(where, args, "campaign_id", query.campaignId());
        eq(where, args, "temperature", query.temperature() == null ? null : query.temperature().name());
        eq(where, args, "queued", query.queued());
        eq(where, args, "escalated", query.escalated());
        if (query.from() != null) {
            where.append(" AND captured_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND captured_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<LeadView> leads = jdbc.query("SELECT " + LEAD_COLUMNS + " FROM crm_lead" + where
                + " ORDER BY captured_at DESC, lead_id LIMIT ? OFFSET ?", LEAD, pageArgs.toArray());
        return new LeadPage(leads, query.page(), query.size(), total == null ? 0 : total);
    }

    public LeadView lead(UUID leadId) {
        return jdbc.query("SELECT " + LEAD_COLUMNS + " FROM crm_lead WHERE lead_id = ?", LEAD, leadId).stream()
                .findFirst().orElse(null);
    }

    public List<LeadTimelineEntry> timeline(UUID leadId) {
        return jdbc.query("SELECT at, type, actor, detail FROM crm_lead_event WHERE shown_on = ? "
                        + "ORDER BY at, lead_id, seq",
                (rs, row) -> new LeadTimelineEntry(instant(rs, "at"), rs.getString("type"),
                        rs.getObject("actor", UUID.class), map(rs.getString("detail"))), leadId);
    }

    public RepBoardView board(UUID repId, Instant now) {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE owner_id = ? AND merged_into IS NULL AND status NOT IN "
                + "('CONVERTED', 'NOT_INTERESTED', 'LOST')", Long.class, repId);
        List<LeadView> waiting = jdbc.query("SELECT " + LEAD_COLUMNS + " FROM crm_lead WHERE owner_id = ? AND "
                + "first_contacted_at IS NULL AND merged_into IS NULL "
                + "AND status NOT IN ('CONVERTED', 'NOT_INTERESTED', 'LOST') "
                + "ORDER BY first_contact_due_at, lead_id", LEAD, repId);
        List<FollowUpView> followUps = jdbc.query("SELECT f.follow_up_id, f.lead_id, l.name, f.rep_id, f.due_at, "
                + "f.note, f.done, f.overdue FROM crm_follow_up f JOIN crm_lead l ON l.lead_id = f.lead_id "
                + "WHERE f.rep_id = ? AND f.done = FALSE ORDER BY f.due_at", (rs, row) -> new FollowUpView(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                instant(rs, "due_at"), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)
                        || !instant(rs, "due_at").isAfter(now)), repId);
        return new RepBoardView(repId, open == null ? 0 : open, waiting,
                followUps.stream().filter(f -> !f.overdue()).toList(),
                followUps.stream().filter(FollowUpView::overdue).toList());
    }

    public CrmDashboardView dashboard() {
        Map<LeadStatus, Long> funnel = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : LeadStatus.values()) {
            funnel.put(status, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) FROM crm_lead WHERE merged_into IS NULL GROUP BY status",
                (ResultSet rs) -> {
                    funnel.put(LeadStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<RepStatsView> reps = jdbc.query("SELECT l.owner_id, COUNT(*), "
                        + "SUM(CASE WHEN l.status NOT IN ('CONVERTED', 'NOT_INTERESTED', 'LOST') THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN l.status = 'CONVERTED' THEN 1 ELSE 0 END), SUM(l.sla_breaches), "
                        + "(SELECT COUNT(*) FROM crm_lead_event e WHERE e.type = 'CALL' AND e.actor = l.owner_id) "
                        + "FROM crm_lead l WHERE l.owner_id IS NOT NULL AND l.merged_into IS NULL GROUP BY l.owner_id "
                        + "ORDER BY l.owner_id",
                (rs, row) -> {
                    long assigned = rs.getLong(2);
                    long converted = rs.getLong(4);
                    return new RepStatsView(rs.getObject(1, UUID.class), assigned, rs.getLong(3), converted,
                            assigned == 0 ? 0 : Math.round(converted * 1000.0 / assigned) / 1000.0, rs.getLong(5),
                            rs.getLong(6), null, null);
                });
        Long unassigned = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE owner_id IS NULL AND merged_into IS NULL "
                + "AND status NOT IN ('CONVERTED', 'NOT_INTERESTED', 'LOST')", Long.class);
        Long escalated = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE escalated = TRUE AND merged_into IS NULL "
                + "AND status NOT IN ('CONVERTED', 'NOT_INTERESTED', 'LOST')", Long.class);
        Long duplicates = jdbc.queryForObject("SELECT COALESCE(SUM(duplicates), 0) FROM crm_lead", Long.class);
        return new CrmDashboardView(funnel, reps, unassigned == null ? 0 : unassigned,
                escalated == null ? 0 : escalated, duplicates == null ? 0 : duplicates);
    }

    /**
     * Targets of {@code month} with the progress derived from events between {@code from} and {@code to}: calls the
     * rep logged, and leads the rep owned that were converted.
     */
    public List<TargetProgressView> targets(String month, Instant from, Instant to, UUID repId) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from),
                Timestamp.from(to), month));
        String byRep = "";
        if (repId != null) {
            byRep = " AND t.rep_id = ?";
            args.add(repId);
        }
        return jdbc.query("SELECT t.rep_id, t.target_month, t.target_calls, t.target_conversions, "
                + "(SELECT COUNT(*) FROM crm_lead_event e WHERE e.type = 'CALL' AND e.actor = t.rep_id "
                + "AND e.at >= ? AND e.at < ?), "
                + "(SELECT COUNT(*) FROM crm_lead_event e JOIN crm_lead l ON l.lead_id = e.lead_id "
                + "WHERE e.type = 'CONVERTED' AND l.owner_id = t.rep_id AND e.at >= ? AND e.at < ?) "
                + "FROM crm_target t WHERE t.target_month = ?" + byRep + " ORDER BY t.rep_id",
                (rs, row) -> new TargetProgressView(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getLong(5), rs.getLong(6)), args.toArray());
    }

    public List<BulkAssignmentView> bulkAssignments(BulkAssignmentStatus status, UUID requestedBy, UUID requestId) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        eq(where, args, "status", status == null ? null : status.name());
        eq(where, args, "requested_by", requestedBy);
        eq(where, args, "request_id", requestId);
        return jdbc.query("SELECT request_id, lead_ids, rep_id, requested_by, reason, status, requested_at, decide_by, "
                + "decided_by, comment, decided_at, assigned, failures FROM crm_bulk_assignment" + where
                + " ORDER BY requested_at DESC LIMIT 200", (rs, row) -> new BulkAssignmentView(
                rs.getObject(1, UUID.class), uuids(rs.getString(2)), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), BulkAssignmentStatus.valueOf(rs.getString(6)),
                instant(rs, "requested_at"), instant(rs, "decide_by"), rs.getObject(9, UUID.class), rs.getString(10),
                instant(rs, "decided_at"), (Integer) rs.getObject(12), strings(rs.getString(13))), args.toArray());
    }

    public AssignmentSetupView setup() {
        List<AssignmentSetupView.RepConfig> reps = jdbc.query("SELECT rep_id, daily_capacity, availability FROM crm_rep "
                + "ORDER BY rep_id", (rs, row) -> new AssignmentSetupView.RepConfig(rs.getObject(1, UUID.class),
                rs.getInt(2), RepAvailability.valueOf(rs.getString(3))));
        return jdbc.query("SELECT version, rules, published_at, published_by FROM crm_rules", (rs, row) ->
                        new AssignmentSetupView(rs.getInt(1), rules(rs.getString(2)), instant(rs, "published_at"),
                                rs.getObject(4, UUID.class), reps)).stream().findFirst()
                .orElse(new AssignmentSetupView(0, List.of(), null, null, reps));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static final RowMapper<LeadView> LEAD = (rs, row) -> new LeadView(rs.getObject("lead_id", UUID.class),
            rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getString("city"),
            rs.getString("course_interest"), rs.getString("language"), rs.getString("campaign_id"),
            LeadSource.valueOf(rs.getString("source")), LeadStatus.valueOf(rs.getString("status")),
            rs.getString("temperature") == null ? null : Temperature.valueOf(rs.getString("temperature")),
            rs.getObject("owner_id", UUID.class), rs.getString("rule_id"), (Integer) rs.getObject("rule_version"),
            rs.getString("strategy") == null ? null : AssignmentStrategy.valueOf(rs.getString("strategy")),
            instant(rs, "assigned_at"), instant(rs, "first_contact_due_at"), instant(rs, "first_contacted_at"),
            rs.getInt("sla_breaches") > 0, rs.getBoolean("escalated"), rs.getBoolean("queued"),
            rs.getString("queue_reason"), rs.getInt("duplicates"), rs.getObject("student_id", UUID.class),
            instant(rs, "captured_at"), instant(rs, "updated_at"), rs.getObject("merged_into", UUID.class));

    private static void eq(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Map<String, Object> map(String json) {
        try {
            return CrmProjection.JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> uuids(String json) {
        try {
            return json == null ? List.of() : CrmProjection.JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : CrmProjection.JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AssignmentRule> rules(String json) {
        try {
            return CrmProjection.JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.mrmentor.platform.projections.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.crm.AssignmentRulesPublished;
import com.mrmentor.platform.shared.crm.BulkAssignmentApproved;
import com.mrmentor.platform.shared.crm.BulkAssignmentCarriedOut;
import com.mrmentor.platform.shared.crm.BulkAssignmentLapsed;
import com.mrmentor.platform.shared.crm.BulkAssignmentRejected;
import com.mrmentor.platform.shared.crm.BulkAssignmentRequested;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.FirstContactSlaBreached;
import com.mrmentor.platform.shared.crm.FollowUpCompleted;
import com.mrmentor.platform.shared.crm.FollowUpOverdue;
import com.mrmentor.platform.shared.crm.FollowUpScheduled;
import com.mrmentor.platform.shared.crm.LeadActivityLogged;
import com.mrmentor.platform.shared.crm.LeadAssigned;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import com.mrmentor.platform.shared.crm.LeadConverted;
import com.mrmentor.platform.shared.crm.LeadDuplicateDetected;
import com.mrmentor.platform.shared.crm.LeadEvent;
import com.mrmentor.platform.shared.crm.LeadLeftUnassigned;
import com.mrmentor.platform.shared.crm.LeadMergeAbsorbed;
import com.mrmentor.platform.shared.crm.LeadMergeUndone;
import com.mrmentor.platform.shared.crm.LeadMerged;
import com.mrmentor.platform.shared.crm.LeadUnmerged;
import com.mrmentor.platform.shared.crm.LeadStatusChanged;
import com.mrmentor.platform.shared.crm.LeadTemperatureChanged;
import com.mrmentor.platform.shared.crm.SalesRepConfigured;
import com.mrmentor.platform.shared.crm.SalesTargetSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the CRM's read models: {@code crm_lead} (search, queue, boards, dashboard), {@code crm_lead_event} (each
 * lead's timeline), {@code crm_follow_up}, {@code crm_bulk_assignment}, {@code crm_rules} and {@code crm_rep}. Lead
 * events are applied once by the lead's event sequence; a reset clears the tables for a replay, which rebuilds them
 * the same from the events.
 */
@Component
@ProcessingGroup(CrmProjection.PROCESSING_GROUP)
public class CrmProjection {

    public static final String PROCESSING_GROUP = "crm-leads";

    static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public CrmProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- leads --------------------------------------------------------------------------------------------------

    @EventHandler
    void on(LeadCaptured e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("INSERT INTO crm_lead (lead_id, name, phone, email, city, course_interest, language, "
                            + "campaign_id, source, status, captured_at, updated_at, vendor_key_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)", e.leadId(), e.name(), e.phone(),
                    e.email(), e.city(), e.courseInterest(), e.language(), e.campaignId(), e.source().name(),
                    ts(e.capturedAt()), ts(e.capturedAt()), e.vendorKeyId());
            timeline(e, seq, e.capturedAt(), "CAPTURED", actor, detail("source", e.source(), "campaignId",
                    e.campaignId(), "rawPayload", e.rawPayload(), "importId", e.importId(), "vendorKeyId",
                    e.vendorKeyId()));
        }
    }

    @EventHandler
    void on(LeadDuplicateDetected e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET duplicates = duplicates + 1, updated_at = ? WHERE lead_id = ?",
                    ts(e.detectedAt()), e.leadId());
            timeline(e, seq, e.detectedAt(), "DUPLICATE_DETECTED", actor, detail("matchedOn", e.matchedOn(),
                    "source", e.source(), "campaignId", e.campaignId(), "name", e.name(), "phone", e.phone(),
                    "email", e.email(), "rawPayload", e.rawPayload()));
        }
    }

    @EventHandler
    void on(LeadAssigned e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET owner_id = ?, rule_id = ?, rule_version = ?, strategy = ?, "
                            + "assigned_at = ?, first_contact_due_at = ?, first_contacted_at = NULL, queued = FALSE, "
                            + "queue_reason = NULL, escalated = FALSE, "
                            + "status = CASE WHEN status = 'NEW' THEN 'ASSIGNED' ELSE status END, updated_at = ? "
                            + "WHERE lead_id = ?", e.repId(), e.ruleId(), e.ruleVersion(), e.strategy().name(),
                    ts(e.assignedAt()), ts(e.firstContactDueAt()), ts(e.assignedAt()), e.leadId());
            if (e.previousRepId() != null) { // follow-ups need a rep: a lead assigned for the first time has none
                jdbc.update("UPDATE crm_follow_up SET rep_id = ? WHERE lead_id = ? AND done = FALSE", e.repId(),
                        e.leadId());
            }
            timeline(e, seq, e.assignedAt(), "ASSIGNED", actor, detail("repId", e.repId(), "previousRepId",
                    e.previousRepId(), "ruleId", e.ruleId(), "ruleVersion", e.ruleVersion(), "strategy",
                    e.strategy(), "assignedBy", e.assignedBy(), "requestId", e.requestId(), "reason", e.reason(),
                    "firstContactDueAt", e.firstContactDueAt()));
        }
    }

    @EventHandler
    void on(LeadLeftUnassigned e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET queued = TRUE, queue_reason = ?, updated_at = ? WHERE lead_id = ?",
                    e.reason(), ts(e.queuedAt()), e.leadId());
            timeline(e, seq, e.queuedAt(), "QUEUED_UNASSIGNED", actor, detail("reason", e.reason(), "ruleId",
                    e.ruleId()));
        }
    }

    @EventHandler
    void on(LeadStatusChanged e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET status = ?, updated_at = ?, "
                            + "queued = CASE WHEN ? THEN FALSE ELSE queued END WHERE lead_id = ?", e.to().name(),
                    ts(e.changedAt()), e.to().isClosed(), e.leadId());
            timeline(e, seq, e.changedAt(), "STATUS_CHANGED", actor, detail("from", e.from(), "to", e.to(),
                    "reason", e.reason()));
        }
    }

    @EventHandler
    void on(LeadActivityLogged e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            if (e.type().isContact()) {
                jdbc.update("UPDATE crm_lead SET first_contacted_at = COALESCE(first_contacted_at, ?), updated_at = ? "
                        + "WHERE lead_id = ?", ts(e.loggedAt()), ts(e.loggedAt()), e.leadId());
            }
            timeline(e, seq, e.loggedAt(), e.type().name(), actor, detail("activityId", e.activityId(), "outcome",
                    e.outcome(), "durationSeconds", e.durationSeconds(), "note", e.note(), "followUpId",
                    e.followUpId(), "loggedBy", e.loggedBy()));
        }
    }

    @EventHandler
    void on(LeadTemperatureChanged e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET temperature = ?, updated_at = ? WHERE lead_id = ?",
                    e.temperature().name(), ts(e.changedAt()), e.leadId());
            timeline(e, seq, e.changedAt(), "TEMPERATURE_CHANGED", actor, detail("temperature", e.temperature(),
                    "setByRep", e.setByRep()));
        }
    }

    @EventHandler
    void on(FollowUpScheduled e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("INSERT INTO crm_follow_up (follow_up_id, lead_id, rep_id, due_at, note, done, overdue) "
                    + "VALUES (?, ?, ?, ?, ?, FALSE, FALSE)", e.followUpId(), e.leadId(), e.repId(), ts(e.dueAt()),
                    e.note());
            timeline(e, seq, e.scheduledAt(), "FOLLOW_UP_SCHEDULED", actor, detail("followUpId", e.followUpId(),
                    "dueAt", e.dueAt(), "note", e.note()));
        }
    }

    @EventHandler
    void on(FollowUpCompleted e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_follow_up SET done = TRUE WHERE follow_up_id = ?", e.followUpId());
            timeline(e, seq, e.completedAt(), "FOLLOW_UP_COMPLETED", actor, detail("followUpId", e.followUpId()));
        }
    }

    @EventHandler
    void on(FollowUpOverdue e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_follow_up SET overdue = TRUE WHERE follow_up_id = ?", e.followUpId());
            timeline(e, seq, e.detectedAt(), "FOLLOW_UP_OVERDUE", actor, detail("followUpId", e.followUpId(),
                    "dueAt", e.dueAt(), "repId", e.repId()));
        }
    }

    @EventHandler
    void on(FirstContactSlaBreached e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET sla_breaches = sla_breaches + 1, escalated = TRUE, updated_at = ? "
                    + "WHERE lead_id = ?", ts(e.breachedAt()), e.leadId());
            timeline(e, seq, e.breachedAt(), "FIRST_CONTACT_SLA_BREACHED", actor, detail("repId", e.repId(),
                    "dueAt", e.dueAt()));
        }
    }

    @EventHandler
    void on(LeadConverted e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead SET student_id = ?, updated_at = ? WHERE lead_id = ?", e.studentId(),
                    ts(e.convertedAt()), e.leadId());
            timeline(e, seq, e.convertedAt(), "CONVERTED", actor, detail("studentId", e.studentId(),
                    "accountCreated", e.accountCreated()));
        }
    }

    @EventHandler
    void on(LeadMerged e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("INSERT INTO crm_merge_move (merge_id, lead_id, seq, from_lead) SELECT ?, lead_id, seq, shown_on "
                    + "FROM crm_lead_event WHERE shown_on = ?", e.mergeId(), e.leadId());
            jdbc.update("UPDATE crm_lead_event SET shown_on = ? WHERE shown_on = ?", e.survivorId(), e.leadId());
            jdbc.update("UPDATE crm_lead SET merged_into = ?, updated_at = ? WHERE lead_id = ?", e.survivorId(),
                    ts(e.mergedAt()), e.leadId());
            timeline(e, seq, e.mergedAt(), "MERGED_INTO", actor, detail("survivorId", e.survivorId(), "mergeId",
                    e.mergeId()));
        }
    }

    @EventHandler
    void on(LeadMergeAbsorbed e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            timeline(e, seq, e.mergedAt(), "MERGE_ABSORBED", actor, detail("mergedLeadId", e.mergedLeadId(),
                    "mergeId", e.mergeId()));
        }
    }

    @EventHandler
    void on(LeadMergeUndone e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            timeline(e, seq, e.undoneAt(), "MERGE_UNDONE", actor, detail("mergedLeadId", e.mergedLeadId(),
                    "mergeId", e.mergeId()));
        }
    }

    @EventHandler
    void on(LeadUnmerged e, @SequenceNumber long seq, @MetaDataValue(MetadataKeys.USER_ID) String actor) {
        if (fresh(e, seq)) {
            jdbc.update("UPDATE crm_lead_event SET shown_on = (SELECT m.from_lead FROM crm_merge_move m "
                    + "WHERE m.merge_id = ? AND m.lead_id = crm_lead_event.lead_id AND m.seq = crm_lead_event.seq) "
                    + "WHERE EXISTS (SELECT 1 FROM crm_merge_move m WHERE m.merge_id = ? "
                    + "AND m.lead_id = crm_lead_event.lead_id AND m.seq = crm_lead_event.seq)", e.mergeId(), e.mergeId());
            jdbc.update("DELETE FROM crm_merge_move WHERE merge_id = ?", e.mergeId());
            jdbc.update("UPDATE crm_lead SET merged_into = NULL, updated_at = ? WHERE lead_id = ?", ts(e.undoneAt()),
                    e.leadId());
            timeline(e, seq, e.undoneAt(), "UNMERGED", actor, detail("survivorId", e.survivorId(), "mergeId",
                    e.mergeId()));
        }
    }

    // ---- desk and requests ------------------------------------------------------------------------------------

    @EventHandler
    void on(AssignmentRulesPublished e) {
        jdbc.update("DELETE FROM crm_rules");
        jdbc.update("INSERT INTO crm_rules (id, version, rules, published_at, published_by) VALUES (1, ?, ?, ?, ?)",
                e.version(), json(e.rules()), ts(e.publishedAt()), e.publishedBy());
    }

    @EventHandler
    void on(SalesRepConfigured e) {
        if (jdbc.update("UPDATE crm_rep SET daily_capacity = ?, availability = ? WHERE rep_id = ?", e.dailyCapacity(),
                e.availability().name(), e.repId()) == 0) {
            jdbc.update("INSERT INTO crm_rep (rep_id, daily_capacity, availability) VALUES (?, ?, ?)", e.repId(),
                    e.dailyCapacity(), e.availability().name());
        }
    }

    @EventHandler
    void on(SalesTargetSet e) {
        if (jdbc.update("UPDATE crm_target SET target_calls = ?, target_conversions = ? WHERE rep_id = ? "
                + "AND target_month = ?",
                e.calls(), e.conversions(), e.repId(), e.month().toString()) == 0) {
            jdbc.update("INSERT INTO crm_target (rep_id, target_month, target_calls, target_conversions) "
                    + "VALUES (?, ?, ?, ?)",
                    e.repId(), e.month().toString(), e.calls(), e.conversions());
        }
    }

    @EventHandler
    void on(BulkAssignmentRequested e) {
        jdbc.update("INSERT INTO crm_bulk_assignment (request_id, lead_ids, lead_count, rep_id, requested_by, reason, "
                        + "status, requested_at, decide_by) SELECT ?, ?, ?, ?, ?, ?, 'PENDING', ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM crm_bulk_assignment WHERE request_id = ?)", e.requestId(), json(e.leadIds()),
                e.leadIds().size(), e.repId(), e.requestedBy(), e.reason(), ts(e.requestedAt()), ts(e.decideBy()),
                e.requestId());
    }

    @EventHandler
    void on(BulkAssignmentApproved e) {
        decided(e.requestId(), "APPROVED", e.approvedBy(), e.comment(), e.approvedAt());
    }

    @EventHandler
    void on(BulkAssignmentRejected e) {
        decided(e.requestId(), "REJECTED", e.rejectedBy(), e.comment(), e.rejectedAt());
    }

    @EventHandler
    void on(BulkAssignmentLapsed e) {
        decided(e.requestId(), "LAPSED", null, null, e.lapsedAt());
    }

    @EventHandler
    void on(BulkAssignmentCarriedOut e) {
        jdbc.update("UPDATE crm_bulk_assignment SET status = 'CARRIED_OUT', assigned = ?, failures = ? "
                + "WHERE request_id = ?", e.assigned(), json(e.failures()), e.requestId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm_lead_event");
        jdbc.update("DELETE FROM crm_merge_move");
        jdbc.update("DELETE FROM crm_follow_up");
        jdbc.update("DELETE FROM crm_lead");
        jdbc.update("DELETE FROM crm_bulk_assignment");
        jdbc.update("DELETE FROM crm_rules");
        jdbc.update("DELETE FROM crm_rep");
        jdbc.update("DELETE FROM crm_target");
        jdbc.update("DELETE FROM crm_read_position");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void decided(UUID requestId, String status, UUID by, String comment, Instant at) {
        jdbc.update("UPDATE crm_bulk_assignment SET status = ?, decided_by = ?, comment = ?, decided_at = ? "
                + "WHERE request_id = ? AND status = 'PENDING'", status, by, comment, ts(at), requestId);
    }

    private boolean fresh(LeadEvent event, long sequence) {
        String aggregateId = CrmIds.lead(event.leadId());
        // a lead's first event (its capture) has no position row unless it was applied already: one insert-if-absent
        if (sequence != 0 && jdbc.update("UPDATE crm_read_position SET last_sequence = ? WHERE aggregate_id = ? "
                + "AND last_sequence < ?", sequence, aggregateId, sequence) == 1) {
            return true;
        }
        return jdbc.update("INSERT INTO crm_read_position (aggregate_id, last_sequence) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM crm_read_position WHERE aggregate_id = ?)", aggregateId, sequence, aggregateId) == 1;
    }

    private void timeline(LeadEvent event, long seq, Instant at, String type, String actor, Map<String, Object> detail) {
        jdbc.update("INSERT INTO crm_lead_event (lead_id, seq, at, type, actor, detail, shown_on) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.leadId(), seq, ts(at), type, actorId(actor), json(detail),
                event.leadId());
    }

    private static UUID actorId(String actor) {
        try {
            return actor == null ? null : UUID.fromString(actor);
        } catch (IllegalArgumentException system) {
            return null;
        }
    }

    private static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                detail.put((String) keysAndValues[i], value instanceof Instant || value instanceof UUID
                        || value instanceof Enum<?> ? value.toString() : value);
            }
        }
        return detail;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

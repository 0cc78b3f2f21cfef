package com.mrmentor.platform.projections.hub;

import com.mrmentor.platform.shared.hub.HubIds;
import com.mrmentor.platform.shared.hub.PairSide;
import com.mrmentor.platform.shared.hub.SessionLogCompleted;
import com.mrmentor.platform.shared.hub.SessionLogHalfSubmitted;
import com.mrmentor.platform.shared.hub.SupportRequestResolved;
import com.mrmentor.platform.shared.hub.SupportRequested;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import static com.mrmentor.platform.projections.hub.HubCircleProjection.personal;
import static com.mrmentor.platform.projections.hub.HubCircleProjection.ts;

/**
 * Keeps the session logs (one row per pairing and date, a column group per half) and the needs-support queue.
 * Idempotent by the log's event sequence; a reset clears both tables. Erasure of a person nulls the topics and
 * reasons they wrote.
 */
@Component
@ProcessingGroup(HubSessionLogProjection.PROCESSING_GROUP)
public class HubSessionLogProjection {

    public static final String PROCESSING_GROUP = "hub-session-logs";

    private final JdbcTemplate jdbc;

    public HubSessionLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionLogHalfSubmitted e, @SequenceNumber long seq) {
        if (!fresh(e.pairingId(), e.sessionDate(), seq)) {
            return;
        }
        jdbc.update("INSERT INTO hub_session_log (pairing_id, session_date, mentor_id, mentee_id) SELECT ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM hub_session_log WHERE pairing_id = ? AND session_date = ?)",
                e.pairingId(), date(e.sessionDate()), e.mentorId(), e.menteeId(), e.pairingId(),
                date(e.sessionDate()));
        // the side names one fixed column group: never text from the event
        String side = e.side() == PairSide.MENTOR ? "mentor" : "mentee";
        jdbc.update("UPDATE hub_session_log SET " + side + "_topic = ?, " + side + "_score = ?, " + side
                        + "_needs_support = ?, " + side + "_support_reason = ?, " + side + "_submitted_at = ? "
                        + "WHERE pairing_id = ? AND session_date = ?", personal(e.topic()), e.score(),
                e.needsSupport(), personal(e.supportReason()), ts(e.submittedAt()), e.pairingId(),
                date(e.sessionDate()));
    }

    @EventHandler
    void on(SessionLogCompleted e, @SequenceNumber long seq) {
        if (fresh(e.pairingId(), e.sessionDate(), seq)) {
            jdbc.update("UPDATE hub_session_log SET completed_at = ? WHERE pairing_id = ? AND session_date = ?",
                    ts(e.completedAt()), e.pairingId(), date(e.sessionDate()));
        }
    }

    @EventHandler
    void on(SupportRequested e, @SequenceNumber long seq) {
        if (fresh(e.pairingId(), e.sessionDate(), seq)) {
            jdbc.update("INSERT INTO hub_support_request (support_request_id, pairing_id, session_date, mentor_id, "
                            + "mentee_id, side, raised_by, reason, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.supportRequestId(), e.pairingId(), date(e.sessionDate()), e.mentorId(), e.menteeId(),
                    e.side().name(), e.raisedBy(), personal(e.reason()), ts(e.raisedAt()));
        }
    }

    @EventHandler
    void on(SupportRequestResolved e, @SequenceNumber long seq) {
        if (fresh(e.pairingId(), e.sessionDate(), seq)) {
            jdbc.update("UPDATE hub_support_request SET resolved_at = ?, resolved_by = ?, resolution_note = ? "
                            + "WHERE support_request_id = ?", ts(e.resolvedAt()), e.resolvedBy(),
                    personal(e.note()), e.supportRequestId());
        }
    }

    /** The person was erased: the topics and reasons they wrote go; scores and dates stay for the counts. */
    @EventHandler
    void on(PersonalDataErased e) {
        jdbc.update("UPDATE hub_session_log SET mentor_topic = NULL, mentor_support_reason = NULL "
                + "WHERE mentor_id = ?", e.userId());
        jdbc.update("UPDATE hub_session_log SET mentee_topic = NULL, mentee_support_reason = NULL "
                + "WHERE mentee_id = ?", e.userId());
        jdbc.update("UPDATE hub_support_request SET reason = NULL, resolution_note = NULL WHERE raised_by = ?",
                e.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM hub_support_request");
        jdbc.update("DELETE FROM hub_session_log");
        ReadPositions.reset(jdbc, "hub-log:");
    }

    private boolean fresh(UUID pairingId, LocalDate sessionDate, long seq) {
        return ReadPositions.advance(jdbc, HubIds.sessionLog(pairingId, sessionDate), seq);
    }

    private static Date date(LocalDate date) {
        return Date.valueOf(date);
    }
}

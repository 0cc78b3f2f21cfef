package com.mrmentor.platform.projections.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.hub.HubGroupCreated;
import com.mrmentor.platform.shared.hub.HubGroupJoined;
import com.mrmentor.platform.shared.hub.HubGroupLeft;
import com.mrmentor.platform.shared.hub.HubIds;
import com.mrmentor.platform.shared.hub.MenteeApplicationStatusChanged;
import com.mrmentor.platform.shared.hub.MenteeApplicationSubmitted;
import com.mrmentor.platform.shared.hub.MenteeCapacitySet;
import com.mrmentor.platform.shared.hub.MenteePaired;
import com.mrmentor.platform.shared.hub.PairingEnded;
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
 * Keeps the mentor circles' read models: capacities, applications (with their last status change), pairings, groups
 * and memberships. Idempotent by the circle's event sequence; a reset clears the tables for a replay. Erasure of a
 * person nulls their goals, background and the reasons written about them.
 */
@Component
@ProcessingGroup(HubCircleProjection.PROCESSING_GROUP)
public class HubCircleProjection {

    public static final String PROCESSING_GROUP = "hub-circles";

    static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public HubCircleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MenteeApplicationSubmitted e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            jdbc.update("INSERT INTO hub_application (application_id, mentor_id, mentee_id, goals, interests, track, "
                            + "background, status, submitted_at, updated_at, admin_override) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, FALSE)", e.applicationId(), e.mentorId(),
                    e.menteeId(), personal(e.goals()), json(e.interests()), e.track(), personal(e.background()),
                    ts(e.submittedAt()), ts(e.submittedAt()));
        }
    }

    @EventHandler
    void on(MenteeApplicationStatusChanged e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            jdbc.update("UPDATE hub_application SET status = ?, updated_at = ?, last_changed_by = ?, "
                            + "admin_override = ?, last_reason = ? WHERE application_id = ?", e.to().name(),
                    ts(e.changedAt()), e.changedBy(), e.adminOverride(), personal(e.reason()), e.applicationId());
        }
    }

    @EventHandler
    void on(MenteePaired e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            jdbc.update("INSERT INTO hub_pairing (pairing_id, mentor_id, mentee_id, application_id, paired_at, active) "
                    + "VALUES (?, ?, ?, ?, ?, TRUE)", e.pairingId(), e.mentorId(), e.menteeId(), e.applicationId(),
                    ts(e.pairedAt()));
        }
    }

    @EventHandler
    void on(PairingEnded e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            jdbc.update("UPDATE hub_pairing SET active = FALSE, ended_at = ?, ended_by = ?, end_cause = ?, "
                            + "end_reason = ? WHERE pairing_id = ?", ts(e.endedAt()), e.endedBy(), e.cause().name(),
                    personal(e.reason()), e.pairingId());
        }
    }

    @EventHandler
    void on(MenteeCapacitySet e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            if (jdbc.update("UPDATE hub_circle SET max_mentees = ? WHERE mentor_id = ?", e.maxMentees(),
                    e.mentorId()) == 0) {
                jdbc.update("INSERT INTO hub_circle (mentor_id, max_mentees) VALUES (?, ?)", e.mentorId(),
                        e.maxMentees());
            }
        }
    }

    @EventHandler
    void on(HubGroupCreated e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            jdbc.update("INSERT INTO hub_group (group_id, mentor_id, name, cohort, track, max_size, created_by, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.groupId(), e.mentorId(), e.name(),
                    e.cohort(), e.track(), e.maxSize(), e.createdBy(), ts(e.createdAt()));
        }
    }

    @EventHandler
    void on(HubGroupJoined e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            // a mentee who left may join again: the membership row is reopened
            if (jdbc.update("UPDATE hub_group_member SET joined_at = ?, left_at = NULL WHERE group_id = ? "
                    + "AND mentee_id = ?", ts(e.joinedAt()), e.groupId(), e.menteeId()) == 0) {
                jdbc.update("INSERT INTO hub_group_member (group_id, mentee_id, joined_at) VALUES (?, ?, ?)",
                        e.groupId(), e.menteeId(), ts(e.joinedAt()));
            }
        }
    }

    @EventHandler
    void on(HubGroupLeft e, @SequenceNumber long seq) {
        if (fresh(e.mentorId(), seq)) {
            jdbc.update("UPDATE hub_group_member SET left_at = ? WHERE group_id = ? AND mentee_id = ?",
                    ts(e.leftAt()), e.groupId(), e.menteeId());
        }
    }

    /** The person was erased: what they wrote, and what was written about them, goes. */
    @EventHandler
    void on(PersonalDataErased e) {
        jdbc.update("UPDATE hub_application SET goals = NULL, background = NULL, last_reason = NULL "
                + "WHERE mentee_id = ?", e.userId());
        jdbc.update("UPDATE hub_pairing SET end_reason = NULL WHERE mentee_id = ?", e.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM hub_group_member");
        jdbc.update("DELETE FROM hub_group");
        jdbc.update("DELETE FROM hub_pairing");
        jdbc.update("DELETE FROM hub_application");
        jdbc.update("DELETE FROM hub_circle");
        ReadPositions.reset(jdbc, "hub-circle:");
    }

    private boolean fresh(UUID mentorId, long seq) {
        return ReadPositions.advance(jdbc, HubIds.circle(mentorId), seq);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String personal(String value) {
        return PersonalData.ERASED.equals(value) ? null : value;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

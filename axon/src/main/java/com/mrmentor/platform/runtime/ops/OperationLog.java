package com.mrmentor.platform.runtime.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records every operation on event processors and dead letters — who, when, on what, why, with which outcome — in
 * {@code projection_operation} and in the log (ADR 0011). Each record is written in its own statement after the
 * operation, so a failed operation is recorded too.
 */
@Component
class OperationLog {

    private static final Logger log = LoggerFactory.getLogger(OperationLog.class);

    /** What was done. */
    enum Action {
        REPLAY_REQUESTED, DEAD_LETTER_RETRIED, DEAD_LETTER_EVICTED, SEGMENT_RELEASED
    }

    /** One recorded operation. */
    record Operation(UUID operationId, Instant at, UUID actorId, Action action, String processingGroup,
                     String deadLetterId, String eventIdentifier, String reason, String outcome, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OperationLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Operation record(UUID actor, Action action, String group, String deadLetterId, String eventIdentifier,
                     String reason, String outcome, String detail) {
        Operation operation = new Operation(UUID.randomUUID(), clock.instant(), actor, action, group, deadLetterId,
                eventIdentifier, reason, outcome, truncate(detail));
        jdbc.update("INSERT INTO projection_operation (operation_id, at, actor_id, action, processing_group, "
                        + "dead_letter_id, event_identifier, reason, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                operation.operationId(), Timestamp.from(operation.at()), actor, action.name(), group, deadLetterId,
                eventIdentifier, reason, outcome, operation.detail());
        log.info("OPS {} group={} deadLetter={} event={} by={} outcome={} reason={} detail={}", action, group,
                deadLetterId, eventIdentifier, actor, outcome, reason, operation.detail());
        return operation;
    }

    /** The newest operations first, of one group or of all ({@code group} null). */
    List<Operation> recent(String group, int limit) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (group != null) {
            where = " WHERE processing_group = ?";
            args.add(group);
        }
        args.add(limit);
        return jdbc.query("SELECT operation_id, at, actor_id, action, processing_group, dead_letter_id, "
                        + "event_identifier, reason, outcome, detail FROM projection_operation" + where
                        + " ORDER BY at DESC, operation_id LIMIT ?",
                (rs, row) -> new Operation(rs.getObject("operation_id", UUID.class),
                        rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class),
                        Action.valueOf(rs.getString("action")), rs.getString("processing_group"),
                        rs.getString("dead_letter_id"), rs.getString("event_identifier"), rs.getString("reason"),
                        rs.getString("outcome"), rs.getString("detail")), args.toArray());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}

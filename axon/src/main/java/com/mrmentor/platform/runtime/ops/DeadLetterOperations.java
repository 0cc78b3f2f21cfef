package com.mrmentor.platform.runtime.ops;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The parked events of the projections ({@code dead_letter_entry}): listed from the table, retried and evicted
 * through Axon's queue and {@link SequencedDeadLetterProcessor}, so that a sequence is always processed in order
 * and under the queue's claim (the minute-by-minute retry task uses the same claim).
 */
@Service
class DeadLetterOperations {

    /** One parked event. */
    record DeadLetterView(String id, String group, String sequenceIdentifier, long sequenceIndex, String eventType,
                          String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          Long aggregateSequenceNumber, Long globalPosition, String causeType, String causeMessage,
                          Instant enqueuedAt, Instant lastTouched) {
    }

    /** What a retry did to the sequence holding the letter. */
    record RetryOutcome(String deadLetterId, String group, String sequenceIdentifier, String outcome, long processed,
                        long remaining, DeadLetterView firstRemaining) {
    }

    /** What an eviction did. */
    record EvictOutcome(String deadLetterId, String group, String sequenceIdentifier, String eventIdentifier,
                        String reason, long remainingInSequence) {
    }

    private static final String COLUMNS = "d.dead_letter_identifier, d.processing_group, d.sequence_identifier, "
            + "d.sequence_index, d.payload_type, d.event_identifier, d.aggregate_type, d.aggregate_identifier, "
            + "d.sequence_number, d.cause_type, d.cause_message, d.enqueued_at, d.last_touched, e.global_index";
    private static final String FROM = " FROM dead_letter_entry d LEFT JOIN domain_event_entry e "
            + "ON e.event_identifier = d.event_identifier";

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final OperationLog operations;
    private final TransactionTemplate transaction;

    DeadLetterOperations(EventProcessingConfiguration processing, JdbcTemplate jdbc, OperationLog operations,
                         PlatformTransactionManager transactions) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.operations = operations;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Parked events, by group, sequence and place in the sequence; of one group when {@code group} is set. */
    List<DeadLetterView> list(String group, int limit) {
        if (group != null && !processing.eventProcessors().containsKey(group)) {
            throw new RuleViolation("processor-not-found", RuleViolation.Kind.NOT_FOUND,
                    "No event processor named " + group);
        }
        List<Object> args = new ArrayList<>();
        String where = "";
        if (group != null) {
            where = " WHERE d.processing_group = ?";
            args.add(group);
        }
        args.add(limit);
        return jdbc.query("SELECT " + COLUMNS + FROM + where
                        + " ORDER BY d.processing_group, d.sequence_identifier, d.sequence_index LIMIT ?",
                DeadLetterOperations::row, args.toArray());
    }

    /**
     * Processes the sequence holding letter {@code id} from its first letter, in order, until it is empty or a
     * letter fails again (that letter and the rest stay parked, with the new cause).
     */
    RetryOutcome retry(String id, UUID actor) {
        DeadLetterView letter = find(id);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(letter.group())
                .orElseThrow(() -> new RuleViolation("dead-letters-unavailable", RuleViolation.Kind.CONFLICT,
                        "Group " + letter.group() + " has no dead-letter processor on this node"));
        long before = sequenceSize(letter);
        boolean drained = processor.process(first -> sequenceOf(first).equals(letter.sequenceIdentifier()));
        long remaining = sequenceSize(letter);
        DeadLetterView firstRemaining = remaining == 0 ? null : firstOf(letter.group(), letter.sequenceIdentifier());
        String outcome = remaining == 0 ? "DRAINED" : before == remaining && !drained && firstRemaining != null
                && firstRemaining.lastTouched() != null && firstRemaining.lastTouched().equals(letter.lastTouched())
                ? "BUSY" : "STILL_FAILING";
        operations.record(actor, OperationLog.Action.DEAD_LETTER_RETRIED, letter.group(), id,
                letter.eventIdentifier(), null, outcome, (before - remaining) + " of " + before
                        + " processed in sequence " + letter.sequenceIdentifier()
                        + (firstRemaining == null ? "" : "; first still parked: " + firstRemaining.id() + " "
                        + firstRemaining.causeType() + ": " + firstRemaining.causeMessage()));
        return new RetryOutcome(id, letter.group(), letter.sequenceIdentifier(), outcome, before - remaining,
                remaining, firstRemaining);
    }

    /** Removes letter {@code id} from the queue for good, so that the rest of its sequence can be processed. */
    EvictOutcome evict(String id, String reason, UUID actor) {
        DeadLetterView letter = find(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.group())
                .orElseThrow(() -> new RuleViolation("dead-letters-unavailable", RuleViolation.Kind.CONFLICT,
                        "Group " + letter.group() + " has no dead-letter queue on this node"));
        boolean evicted = Boolean.TRUE.equals(transaction.execute(status -> {
            for (DeadLetter<? extends EventMessage<?>> parked : queue.deadLetterSequence(letter.sequenceIdentifier())) {
                if (parked instanceof JdbcDeadLetter<?> jdbcLetter && jdbcLetter.getIdentifier().equals(id)) {
                    queue.evict(parked);
                    return true;
                }
            }
            return false;
        }));
        if (!evicted) {
            throw notFound(id);
        }
        long remaining = sequenceSize(letter);
        operations.record(actor, OperationLog.Action.DEAD_LETTER_EVICTED, letter.group(), id,
                letter.eventIdentifier(), reason, "EVICTED", letter.eventType() + " of "
                        + letter.aggregateIdentifier() + " #" + letter.aggregateSequenceNumber() + "; " + remaining
                        + " letter(s) left in the sequence");
        return new EvictOutcome(id, letter.group(), letter.sequenceIdentifier(), letter.eventIdentifier(), reason,
                remaining);
    }

    private DeadLetterView find(String id) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE d.dead_letter_identifier = ?",
                DeadLetterOperations::row, id).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    private DeadLetterView firstOf(String group, String sequence) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE d.processing_group = ? AND d.sequence_identifier = ? "
                        + "ORDER BY d.sequence_index LIMIT 1", DeadLetterOperations::row, group, sequence)
                .stream().findFirst().orElse(null);
    }

    private static DeadLetterView row(ResultSet rs, int row) throws SQLException {
        return new DeadLetterView(rs.getString("dead_letter_identifier"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("payload_type"),
                rs.getString("event_identifier"), rs.getString("aggregate_type"), rs.getString("aggregate_identifier"),
                rs.getObject("sequence_number") == null ? null : rs.getLong("sequence_number"),
                rs.getObject("global_index") == null ? null : rs.getLong("global_index"),
                rs.getString("cause_type"), rs.getString("cause_message"), instant(rs.getString("enqueued_at")),
                instant(rs.getString("last_touched")));
    }

    private long sequenceSize(DeadLetterView letter) {
        Long size = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                + "AND sequence_identifier = ?", Long.class, letter.group(), letter.sequenceIdentifier());
        return size == null ? 0 : size;
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier() : "";
    }

    private static RuleViolation notFound(String id) {
        return new RuleViolation("dead-letter-not-found", RuleViolation.Kind.NOT_FOUND, "No parked event " + id);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unexpectedFormat) {
            return null; // the queue wrote another format: the instant is unknown, the letter still listed
        }
    }
}

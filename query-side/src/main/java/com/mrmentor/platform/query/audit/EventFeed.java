package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mrmentor.platform.shared.audit.ChainLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The global event feed for auditors: every event in position order, filtered by period, type, actor, platform or
 * correlation through the {@code audit_event_index} read model, with each event's chain link. Payloads and metadata
 * are the stored JSON with personal fields redacted (a bulk read). The JSON-lines export streams the same rows from a
 * database cursor straight to the response, so a million events never sit in memory.
 */
@Component
public class EventFeed {

    /** Rows the export's cursor fetches at a time. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, "
            + "e.sequence_number, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, "
            + "c.chain_number, c.link, p.link AS previous_link ";
    private static final String CHAIN_JOINS = "LEFT JOIN audit_chain c ON c.global_index = e.global_index "
            + "LEFT JOIN audit_chain p ON p.chain_number = c.chain_number - 1 ";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate readOnly;
    private final ChainNumbers chainNumbers;
    private final EventTable table;

    public EventFeed(JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions,
                     ChainNumbers chainNumbers, EventTable table) {
        this.jdbc = jdbc;
        this.chainNumbers = chainNumbers;
        this.table = table;
        this.json = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * What the feed is asked for.
     *
     * @param from          events at or after this instant
     * @param to            events before this instant
     * @param type          the payload type: simple name ({@code TokensGranted}) or class name
     * @param actor         the acting user's id ({@code system} for the platform's own deadlines and sagas)
     * @param platform      the platform the request came through ({@code mr-mentor}, …)
     * @param correlationId the request that caused the events
     * @param afterPosition events after this global position
     */
    public record Filter(Instant from, Instant to, String type, String actor, String platform, String correlationId,
                         long afterPosition) {

        private String where(List<Object> arguments) {
            StringBuilder where = new StringBuilder("WHERE i.global_index > ?");
            arguments.add(afterPosition);
            if (from != null) {
                where.append(" AND i.occurred_at >= ?");
                arguments.add(Timestamp.from(from));
            }
            if (to != null) {
                where.append(" AND i.occurred_at < ?");
                arguments.add(Timestamp.from(to));
            }
            if (type != null) {
                where.append(type.contains(".") ? " AND i.payload_type = ?" : " AND i.event_type = ?");
                arguments.add(type);
            }
            if (actor != null) {
                where.append(" AND i.actor = ?");
                arguments.add(actor);
            }
            if (platform != null) {
                where.append(" AND i.platform = ?");
                arguments.add(platform);
            }
            if (correlationId != null) {
                where.append(" AND i.correlation_id = ?");
                arguments.add(correlationId);
            }
            return where.toString();
        }
    }

    /**
     * One page of the feed.
     *
     * @param events        the events, in position order
     * @param nextPosition  pass as {@code afterPosition} for the next page; null when this page is the last
     * @param indexedUpTo   the highest position the audit index has reached (later events are not in the feed yet)
     */
    public record Page(List<AuditEvent> events, Long nextPosition, long indexedUpTo) {
    }

    /** Up to {@code limit} events matching {@code filter}, in position order. */
    public Page page(Filter filter, int limit) {
        table.require("The audit feed");
        List<Object> arguments = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + "FROM audit_event_index i "
                + "JOIN domain_event_entry e ON e.global_index = i.global_index " + CHAIN_JOINS
                + filter.where(arguments) + " ORDER BY i.global_index FETCH FIRST " + (limit + 1) + " ROWS ONLY";
        List<AuditEvent> events = jdbc.query(sql, (rs, row) -> redacted(rs), arguments.toArray());
        Long next = null;
        if (events.size() > limit) {
            events = events.subList(0, limit);
            next = events.get(limit - 1).position();
        }
        return new Page(List.copyOf(events), next, indexedUpTo());
    }

    /** The highest position in the audit index. */
    public long indexedUpTo() {
        Long position = jdbc.queryForObject("SELECT max(global_index) FROM audit_event_index", Long.class);
        return position == null ? 0 : position;
    }

    /** Whether the filter asks for events by who, what or why, rather than for a whole period. */
    private static boolean selective(Filter filter) {
        return filter.type() != null || filter.actor() != null || filter.platform() != null
                || filter.correlationId() != null;
    }

    /**
     * Writes the events {@code filter} selects to {@code out}, one JSON object per line, in the chain's order: each
     * line carries the event as in the feed, the stored payload bytes (base64) and metadata digest its link covers,
     * and the chain number, previous link and link, so that the export can be verified offline (docs/audit.md).
     * A period alone selects a contiguous stretch of the chain — from the first link of an event at or after
     * {@code from} to the last link of an event before {@code to} — so that a complete export has no missing chain
     * number; filters by type, actor, platform or correlation select matching events only. Events the chain
     * processor has not reached yet are left out. Returns the number of lines written.
     */
    public long export(Filter filter, OutputStream out) {
        table.require("The audit export");
        List<Object> arguments = new ArrayList<>();
        String sql;
        if (selective(filter)) {
            sql = "SELECT " + COLUMNS + "FROM audit_event_index i "
                    + "JOIN audit_chain c ON c.global_index = i.global_index "
                    + "JOIN domain_event_entry e ON e.global_index = i.global_index "
                    + "LEFT JOIN audit_chain p ON p.chain_number = c.chain_number - 1 "
                    + filter.where(arguments) + " ORDER BY c.chain_number";
        } else {
            Long first = chainNumbers.firstFrom(null, filter.from());
            Long last = chainNumbers.lastTo(null, filter.to());
            if (first == null || last == null) {
                return 0; // no chained event in the period
            }
            sql = "SELECT " + COLUMNS + "FROM audit_chain c "
                    + "JOIN domain_event_entry e ON e.global_index = c.global_index "
                    + "LEFT JOIN audit_chain p ON p.chain_number = c.chain_number - 1 "
                    + "WHERE c.chain_number BETWEEN ? AND ? ORDER BY c.chain_number";
            arguments.add(first);
            arguments.add(last);
        }
        long[] lines = {0};
        readOnly.executeWithoutResult(status -> {
            try {
                JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
                generator.setRootValueSeparator(null);
                RowCallbackHandler writeLine = rs -> {
                    try {
                        writeExportLine(generator, rs);
                        lines[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException("The export's client went away", e);
                    }
                };
                jdbc.query(connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(EXPORT_FETCH_SIZE);
                    for (int i = 0; i < arguments.size(); i++) {
                        statement.setObject(i + 1, arguments.get(i));
                    }
                    return statement;
                }, writeLine);
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The export's client went away", e);
            }
        });
        return lines[0];
    }

    private void writeExportLine(JsonGenerator generator, ResultSet rs) throws IOException, SQLException {
        AuditEvent event = redacted(rs);
        ChainLink.StoredForm stored = ChainLink.StoredForm.read(rs);
        byte[] payload = stored.payload();
        generator.writeStartObject();
        generator.writeNumberField("position", event.position());
        generator.writeStringField("eventId", event.eventId());
        generator.writeStringField("aggregateType", event.aggregateType());
        generator.writeStringField("aggregateId", event.aggregateId());
        if (event.sequenceNumber() == null) {
            generator.writeNullField("sequenceNumber");
        } else {
            generator.writeNumberField("sequenceNumber", event.sequenceNumber());
        }
        generator.writeStringField("timestamp", rs.getString("time_stamp"));
        generator.writeStringField("payloadType", event.type());
        generator.writeStringField("payloadRevision", event.revision());
        writeTree(generator, "payload", event.payload());
        writeTree(generator, "metadata", event.metadata());
        generator.writeObjectFieldStart("stored");
        generator.writeStringField("payload", Base64.getEncoder().encodeToString(payload));
        generator.writeStringField("metadataSha256", stored.metadataDigest());
        generator.writeEndObject();
        generator.writeObjectFieldStart("chain");
        generator.writeNumberField("number", event.chain().number());
        generator.writeStringField("previous", event.chain().previous());
        generator.writeStringField("link", event.chain().link());
        generator.writeEndObject();
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void writeTree(JsonGenerator generator, String field, JsonNode tree) throws IOException {
        generator.writeFieldName(field);
        if (tree == null) {
            generator.writeNull();
        } else {
            json.writeTree(generator, tree);
        }
    }

    private AuditEvent redacted(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payload_type");
        long chainNumber = rs.getLong("chain_number");
        AuditEvent.Chain chain = rs.wasNull() ? null : new AuditEvent.Chain(chainNumber,
                chainNumber == 1 ? ChainLink.GENESIS : rs.getString("previous_link"), rs.getString("link"));
        return new AuditEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), payloadType, rs.getString("payload_revision"),
                Instant.parse(rs.getString("time_stamp")),
                PersonalFields.redactPayload(payloadType, parse(rs.getBytes("payload"))),
                PersonalFields.redactMetadata(parse(rs.getBytes("meta_data"))), chain);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event is not JSON", e);
        }
    }
}

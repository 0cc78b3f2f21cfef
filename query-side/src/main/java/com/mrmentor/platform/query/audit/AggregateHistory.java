package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.shared.audit.ChainLink;
import com.mrmentor.platform.shared.common.MetadataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One aggregate's events for an auditor: position, timestamp, metadata and chain link from the event table, and the
 * payload as the platform reads it — through the event store, so upcasters apply and personal fields are decrypted
 * (or read {@code [erased]} once their person's key is gone). Personal fields of events made through another platform
 * than the reader's are redacted: staff of one platform do not read another's people.
 */
@Component
public class AggregateHistory {

    private final JdbcTemplate jdbc;
    private final AggregatePayloads eventPayloads;
    private final ObjectMapper json;
    private final EventTable table;

    public AggregateHistory(JdbcTemplate jdbc, AggregatePayloads eventPayloads, ObjectMapper json,
                            EventTable table) {
        this.jdbc = jdbc;
        this.eventPayloads = eventPayloads;
        this.json = json;
        this.table = table;
    }

    /**
     * @param events       the events, oldest first
     * @param nextSequence pass as {@code afterSequence} for the next page; null when this is the last
     */
    public record Page(List<AuditEvent> events, Long nextSequence) {
    }

    /**
     * Up to {@code limit} events of aggregate {@code id} of type {@code type} after sequence {@code afterSequence};
     * an empty page when the aggregate has no such events (or is of another type).
     */
    public Page events(String type, String id, long afterSequence, int limit, String readerPlatform) {
        table.require("The audit history");
        List<Row> rows = jdbc.query("SELECT e.global_index, e.event_identifier, e.sequence_number, e.time_stamp, "
                        + "e.payload_type, e.payload_revision, e.meta_data, c.chain_number, c.link, p.link AS previous "
                        + "FROM domain_event_entry e LEFT JOIN audit_chain c ON c.global_index = e.global_index "
                        + "LEFT JOIN audit_chain p ON p.chain_number = c.chain_number - 1 "
                        + "WHERE e.aggregate_identifier = ? AND e.type = ? AND e.sequence_number > ? "
                        + "ORDER BY e.sequence_number FETCH FIRST " + (limit + 1) + " ROWS ONLY",
                (rs, n) -> {
                    long chainNumber = rs.getLong("chain_number");
                    AuditEvent.Chain chain = rs.wasNull() ? null : new AuditEvent.Chain(chainNumber,
                            chainNumber == 1 ? ChainLink.GENESIS : rs.getString("previous"), rs.getString("link"));
                    return new Row(rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getLong("sequence_number"), rs.getString("time_stamp"), rs.getString("payload_type"),
                            rs.getString("payload_revision"), parse(rs.getBytes("meta_data")), chain);
                }, id, type, afterSequence);
        Long next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = rows.get(limit - 1).sequence();
        }
        if (rows.isEmpty()) {
            return new Page(List.of(), null);
        }
        Map<String, Object> payloads = eventPayloads.payloadsOf(id, rows.get(0).sequence(), rows.size());
        List<AuditEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            JsonNode payload = json.valueToTree(payloads.get(row.eventId()));
            JsonNode metadata = row.metadata();
            if (!visibleTo(metadata, readerPlatform)) {
                payload = PersonalFields.redactPayload(row.payloadType(), payload);
                metadata = PersonalFields.redactMetadata(metadata);
            }
            events.add(new AuditEvent(row.position(), row.eventId(), type, id, row.sequence(), row.payloadType(),
                    row.revision(), Instant.parse(row.timestamp()), payload, metadata, row.chain()));
        }
        return new Page(events, next);
    }

    /** Whether personal data in an event made through the event's platform may be shown to a reader of another. */
    private static boolean visibleTo(JsonNode metadata, String readerPlatform) {
        JsonNode platform = metadata == null ? null : metadata.get(MetadataKeys.PLATFORM);
        return platform == null || platform.isNull() || platform.asText().equals(readerPlatform);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event's metadata is not JSON", e);
        }
    }

    private record Row(long position, String eventId, long sequence, String timestamp, String payloadType,
                       String revision, JsonNode metadata, AuditEvent.Chain chain) {
    }
}

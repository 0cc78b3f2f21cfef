package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads an aggregate's events straight from the event table, read-only. This is the one place a query reads the
 * store rather than a projection: an audit history must show the events themselves, not a model built from them.
 * Payloads and metadata are stored as JSON (Jackson serializer), so they come back as JSON.
 */
@Component
public class StoredEventReader {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Serializer serializer;
    private final TransactionTemplate readOnly;
    private final EventTable table;

    public StoredEventReader(JdbcTemplate jdbc, ObjectMapper json, Serializer serializer,
                             PlatformTransactionManager transactions, EventTable table) {
        this.jdbc = jdbc;
        this.json = json;
        this.serializer = serializer;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.table = table;
    }

    /**
     * Every event of {@code aggregateIdentifier}, oldest first, with payloads read the way the platform reads them:
     * through the event serializer, so personal fields are decrypted, or read {@code [erased]} once their person's
     * key is gone. For callers who may see personal data.
     */
    public List<StoredEvent> readableEventsOf(String aggregateIdentifier) {
        table.require("This history");
        return jdbc.query("SELECT global_index, sequence_number, event_identifier, type, payload_type, "
                        + "payload_revision, time_stamp, payload, meta_data FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, row) -> new StoredEvent(rs.getLong("global_index"), rs.getLong("sequence_number"),
                        rs.getString("event_identifier"), rs.getString("type"), rs.getString("payload_type"),
                        rs.getString("payload_revision"), Instant.parse(rs.getString("time_stamp")),
                        json.valueToTree(serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("payload"),
                                byte[].class, rs.getString("payload_type"), rs.getString("payload_revision")))),
                        parse(rs.getBytes("meta_data"))),
                aggregateIdentifier);
    }

    /** Every event of {@code aggregateIdentifier}, oldest first. */
    public List<StoredEvent> eventsOf(String aggregateIdentifier) {
        table.require("This history");
        return jdbc.query("SELECT global_index, sequence_number, event_identifier, type, payload_type, "
                        + "payload_revision, time_stamp, payload, meta_data FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, row) -> new StoredEvent(rs.getLong("global_index"), rs.getLong("sequence_number"),
                        rs.getString("event_identifier"), rs.getString("type"), rs.getString("payload_type"),
                        rs.getString("payload_revision"), Instant.parse(rs.getString("time_stamp")),
                        parse(rs.getBytes("payload")), parse(rs.getBytes("meta_data"))),
                aggregateIdentifier);
    }

    /**
     * Hands every event of aggregates of {@code aggregateType} (e.g. {@code TokenWallet}) to {@code consumer} in the
     * store's global order, streaming (the whole log is never in memory). Payloads as stored JSON: for events without
     * personal data, such as the ledger's.
     */
    public void scanType(String aggregateType, java.util.function.Consumer<StoredEvent> consumer) {
        table.require("This report");
        // PostgreSQL's driver fetches by the fetch size only inside a transaction; in autocommit it would load the
        // whole result set into memory first
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT global_index, sequence_number, event_identifier, type, "
                    + "payload_type, payload_revision, time_stamp, payload, meta_data, aggregate_identifier "
                    + "FROM domain_event_entry WHERE type = ? ORDER BY global_index");
            statement.setString(1, aggregateType);
            statement.setFetchSize(500);
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(new StoredEvent(
                rs.getLong("global_index"), rs.getLong("sequence_number"), rs.getString("event_identifier"),
                rs.getString("type"), rs.getString("payload_type"), rs.getString("payload_revision"),
                Instant.parse(rs.getString("time_stamp")), parse(rs.getBytes("payload")),
                parse(rs.getBytes("meta_data"))))));
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

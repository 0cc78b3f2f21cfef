package com.mrmentor.platform.projections.audit;

import com.mrmentor.platform.projections.common.DeferredStatements;
import com.mrmentor.platform.shared.common.MetadataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Indexes every event by who caused it (actor, platform), why (correlation and causation ids), what (type,
 * aggregate) and when, so that the audit feed can filter and a correlation chain can be followed across domains
 * without reading every event's metadata. The payload is never read (nor decrypted): the index holds ids only.
 */
@Component
@ProcessingGroup(AuditEventIndexProjection.PROCESSING_GROUP)
public class AuditEventIndexProjection {

    public static final String PROCESSING_GROUP = "audit-event-index";

    /**
     * Once per event: the key decides (a redelivered event writes nothing), and the statements of a batch go together
     * at its commit. See TokenLedgerProjection for why not {@code NOT EXISTS}.
     */
    private static final String INSERT_ONCE = "INSERT INTO audit_event_index (global_index, event_identifier, "
            + "aggregate_type, aggregate_identifier, sequence_number, event_type, payload_type, occurred_at, actor, "
            + "platform, correlation_id, causation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;
    private final DeferredStatements statements;

    public AuditEventIndexProjection(JdbcTemplate jdbc, DeferredStatements statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException(
                "The audit index needs the event's global position; the token " + token + " has none"));
        MetaData metadata = event.getMetaData();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Class<?> payloadType = event.getPayloadType();
        statements.update(INSERT_ONCE, position, event.getIdentifier(), domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), payloadType.getSimpleName(),
                payloadType.getName(), Timestamp.from(event.getTimestamp()), text(metadata, MetadataKeys.USER_ID),
                text(metadata, MetadataKeys.PLATFORM), text(metadata, MetadataKeys.CORRELATION_ID),
                text(metadata, MetadataKeys.CAUSATION_ID));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_event_index");
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}

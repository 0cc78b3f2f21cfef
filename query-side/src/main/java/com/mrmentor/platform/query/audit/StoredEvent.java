package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mrmentor.platform.shared.common.MetadataKeys;

import java.time.Instant;
import java.util.Set;

/**
 * One event as the store holds it.
 *
 * @param globalIndex    position in the whole store
 * @param sequenceNumber position in the aggregate's stream
 * @param eventId        the event's identifier
 * @param aggregateType  the aggregate's type
 * @param type           the event's payload type (class name)
 * @param revision       the payload's revision
 * @param timestamp      when it was stored
 * @param payload        the payload as serialized
 * @param metadata       the metadata as serialized: acting user, roles, platform, correlation and causation ids…
 */
public record StoredEvent(long globalIndex, long sequenceNumber, String eventId, String aggregateType, String type,
                          String revision, Instant timestamp, JsonNode payload, JsonNode metadata) {

    /** Metadata an account owner may see about events on their own account: who acted, where, and the chain. */
    private static final Set<String> OWNER_VISIBLE = Set.of(MetadataKeys.USER_ID, MetadataKeys.PLATFORM,
            MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID);

    /** This event with only the metadata an owner may see. */
    public StoredEvent withOwnerVisibleMetadata() {
        if (!(metadata instanceof ObjectNode all)) {
            return this;
        }
        ObjectNode visible = all.deepCopy();
        visible.retain(OWNER_VISIBLE);
        return new StoredEvent(globalIndex, sequenceNumber, eventId, aggregateType, type, revision, timestamp,
                payload, visible);
    }

    /** An instant in a payload as the event serializer wrote it: ISO text, or epoch seconds with a fraction. */
    public static java.time.Instant instant(JsonNode node) {
        if (node.isTextual()) {
            return java.time.Instant.parse(node.asText());
        }
        java.math.BigDecimal seconds = node.decimalValue();
        return java.time.Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
    }
}

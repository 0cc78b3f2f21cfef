package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

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
}

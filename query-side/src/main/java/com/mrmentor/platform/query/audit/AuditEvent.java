package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event as an auditor sees it.
 *
 * @param position       the event's global position in the store
 * @param eventId        the event's identifier
 * @param aggregateType  the aggregate's type (e.g. {@code TokenWallet}), or null for an event without one
 * @param aggregateId    the aggregate's identifier
 * @param sequenceNumber the event's place in its aggregate's stream
 * @param type           the payload's type (class name)
 * @param revision       the payload's revision as stored (null: the first)
 * @param timestamp      when it happened
 * @param payload        the payload: decrypted in a history of one aggregate, personal fields redacted in bulk reads
 * @param metadata       who acted (userId, roles), platform, correlation, causation, request id and client address
 * @param chain          its link in the tamper-evidence chain, or null until the chain processor reaches it
 */
public record AuditEvent(long position, String eventId, String aggregateType, String aggregateId, Long sequenceNumber,
                         String type, String revision, Instant timestamp, JsonNode payload, JsonNode metadata,
                         Chain chain) {

    /**
     * The event's place in the hash chain.
     *
     * @param number   its number in the chain (1, 2, 3… with no gaps)
     * @param previous the link before it
     * @param link     SHA-256 of the previous link and the event's canonical bytes (docs/audit.md)
     */
    public record Chain(long number, String previous, String link) {
    }
}

package com.mrmentor.platform.shared.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone read the audit record: who (the event's metadata carries the reader's id, roles, platform, request id and
 * address), what (the route and query), and which aggregate history, if the read was of one.
 *
 * @param trailId             the reader's trail for the day ({@code audit-trail:<reader>:<yyyy-MM-dd>})
 * @param readerId            the reader's account id
 * @param resource            the route read, e.g. {@code /api/audit/aggregates/TokenWallet/wallet-…/events}
 * @param query               the query string, or null
 * @param aggregateType       the aggregate type read, or null
 * @param aggregateIdentifier the aggregate read, or null
 * @param at                  when
 */
public record AuditReadRecorded(String trailId, UUID readerId, String resource, String query, String aggregateType,
                                String aggregateIdentifier, Instant at) {
}

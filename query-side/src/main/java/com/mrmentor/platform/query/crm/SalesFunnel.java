package com.mrmentor.platform.query.crm;

import java.time.Instant;
import java.util.Map;

/**
 * The sales pipeline as of an instant: how many leads stood at each stage, recomputed from the leads' events stored up
 * to that instant. Leads merged into another by then are not in the stages (as on the live dashboard).
 *
 * @param asOf         the instant: events stamped at or before it count
 * @param computedAt   when this was computed
 * @param campaignId   the campaign the leads were captured for, when the funnel was narrowed to one; else null
 * @param source       the source the leads came from, when narrowed to one; else null
 * @param stages       leads per pipeline stage, every stage listed (NEW … LOST)
 * @param captured     leads captured by then (merged ones included)
 * @param open         leads not closed (neither converted, not interested nor lost) and not merged
 * @param converted    leads converted into students
 * @param lost         leads closed without a sale: NOT_INTERESTED and LOST
 * @param merged       leads merged into another lead by then
 * @param eventsFolded how many stored events went into it
 */
public record SalesFunnel(Instant asOf, Instant computedAt, String campaignId, String source,
                          Map<String, Long> stages, long captured, long open, long converted, long lost, long merged,
                          long eventsFolded) {
}

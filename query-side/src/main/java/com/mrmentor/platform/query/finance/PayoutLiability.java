package com.mrmentor.platform.query.finance;

import java.time.Instant;

/**
 * What the platform owes mentors as of an instant (paise), recomputed from the mentors' ledger events stored up to
 * that instant: their net earnings still in the hold period, those they may be paid, and the money of payouts
 * requested but not yet paid (reserved, and neither processed nor returned).
 *
 * @param asOf             the instant: events stamped at or before it count
 * @param computedAt       when this was computed
 * @param mentors          mentors with ledger events by then (of the requested ones, if some were named)
 * @param pending          net earnings in their hold period
 * @param available        net earnings that may be paid out; a mentor's may be negative (a reversal after payout
 *                         leaves a deficit that later earnings recover), and counts as such
 * @param inPayout         the money of payouts not yet paid
 * @param owed             {@code pending + available + inPayout}: the liability
 * @param openPayouts      payouts whose money was reserved and neither paid nor returned by then
 * @param mentorsInDeficit mentors whose available balance was below zero
 * @param withheldTds      TDS withheld from the mentors' earnings: owed to the tax authority, not to the mentors, so
 *                         not part of {@code owed}
 * @param eventsFolded     how many stored events went into it
 */
public record PayoutLiability(Instant asOf, Instant computedAt, long mentors, long pending, long available,
                              long inPayout, long owed, long openPayouts, long mentorsInDeficit, long withheldTds,
                              long eventsFolded) {
}

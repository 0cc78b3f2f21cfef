package com.mrmentor.platform.query.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The platform at a glance. Token figures are counts of tokens; money is in paise.
 *
 * @param revenue  paid token orders: gross (what buyers paid), taxable value, GST, refunds processed, net taxable
 * @param tokens   sold (PAID granted), promotional granted, used (captured), held, remaining (balances)
 * @param sessions bookings by status
 * @param users    accounts not erased: total, signed in within 30 days, registered within 7 days
 * @param trend    the last 7 days (UTC), oldest first
 */
public record AdminDashboard(Instant generatedAt, Revenue revenue, Tokens tokens, Map<String, Long> sessions, Users users,
                             List<Day> trend) {

    public record Revenue(long grossPaise, long taxablePaise, long gstPaise, long refundedPaise,
                          long netTaxablePaise, long paidOrders) {
    }

    public record Tokens(long sold, long promotionalGranted, long used, long held, long remaining) {
    }

    public record Users(long total, long activeLast30Days, long newLast7Days) {
    }

    /** One UTC day: new accounts, bookings requested, sessions completed, tokens used, gross revenue. */
    public record Day(LocalDate date, long newUsers, long bookingsRequested, long sessionsCompleted,
                      long tokensUsed, long grossPaise) {
    }
}

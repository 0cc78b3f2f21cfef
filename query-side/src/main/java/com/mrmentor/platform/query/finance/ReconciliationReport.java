package com.mrmentor.platform.query.finance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the event log says happened in {@code [from, to)}, and every place where something else disagrees with it.
 *
 * @param tokens       token flows in the period per category (PAID, PROMOTIONAL), from the wallets' events
 * @param sessions     booking settlements in the period against the ledger's captures and releases
 * @param walletsChecked how many wallets were recomputed from all their events
 * @param mismatches   every disagreement found, with the ids involved; empty when all reconciles
 * @param earnings     earnings and payouts in the period ({@link EarningsReconciliation}); null until added
 */
public record ReconciliationReport(Instant from, Instant to, Instant generatedAt, Map<String, TokenFlows> tokens,
                                   SessionTotals sessions, long walletsChecked, List<Mismatch> mismatches,
                                   EarningsTotals earnings) {

    /** The ledger's report, before the earnings checks are added. */
    public ReconciliationReport(Instant from, Instant to, Instant generatedAt, Map<String, TokenFlows> tokens,
                                SessionTotals sessions, long walletsChecked, List<Mismatch> mismatches) {
        this(from, to, generatedAt, tokens, sessions, walletsChecked, mismatches, null);
    }

    /** This report with the earnings totals, and their mismatches after its own. */
    public ReconciliationReport withEarnings(EarningsTotals totals, List<Mismatch> more) {
        List<Mismatch> all = new java.util.ArrayList<>(mismatches);
        all.addAll(more);
        return new ReconciliationReport(from, to, generatedAt, tokens, sessions, walletsChecked, List.copyOf(all),
                totals);
    }

    /** Tokens moved in the period, for one category. */
    public record TokenFlows(long granted, long held, long captured, long released, long holdsExpired,
                             long grantsExpired, long revoked) {
    }

    /** Bookings settled in the period and the tokens they moved. */
    public record SessionTotals(long settled, long settledWithCapture, long capturedTokens, long releasedTokens) {
    }

    /**
     * One disagreement.
     *
     * @param kind      what disagrees (stable name)
     * @param reference the ids involved (wallet owner, booking, hold)
     * @param expected  what the event log says
     * @param actual    what the other side says
     */
    public record Mismatch(String kind, String reference, String expected, String actual, String detail) {
    }
}

package com.mrmentor.platform.query.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.projections.earnings.EarningsReads;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.query.finance.ReconciliationReport.Mismatch;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reconciles earnings and payouts from the event store, not from the read models, and adds the result to the
 * ledger's report:
 * <ul>
 *   <li><b>earnings accrued vs captured sessions</b>: every booking settlement that captured tokens (older than
 *       {@link #ACCRUAL_LAG}) has exactly one session earning with the same tokens, valued at tokens × token value
 *       and split gross = commission + TDS + net; no earning exists without such a settlement;</li>
 *   <li><b>payouts processed vs earnings</b>: every payout requested reserved its amount in the ledger; every payout
 *       processed was paid from it; every rejected, cancelled, failed or reversed payout returned its money exactly
 *       once; per mentor, the ledger's paid balance equals the processed, unreversed payouts;</li>
 *   <li><b>balances recomputed from events vs read models</b>: every mentor's pending, available, in-payout, paid and
 *       withheld, recomputed from all their ledger events, against {@code mentor_earnings_view}.</li>
 * </ul>
 * Cost: one streaming pass over the booking, ledger and payout events.
 */
@Component
public class EarningsReconciliation {

    /** How long the accrual processor may take to record a settled session's earning. */
    static final Duration ACCRUAL_LAG = Duration.ofMinutes(10);

    private static final String[] BUCKETS = {"pending", "available", "in_payout", "paid", "withheld"};

    private final StoredEventReader events;
    private final EarningsReads reads;
    private final Clock clock;

    public EarningsReconciliation(StoredEventReader events, EarningsReads reads, Clock clock) {
        this.events = events;
        this.reads = reads;
        this.clock = clock;
    }

    /** The ledger's report with the earnings checks added. */
    public ReconciliationReport addTo(ReconciliationReport report) {
        List<Mismatch> mismatches = new ArrayList<>();
        EarningsTotals totals = reconcile(report.from(), report.to(), mismatches);
        return report.withEarnings(totals, mismatches);
    }

    EarningsTotals reconcile(Instant from, Instant to, List<Mismatch> mismatches) {
        long[] t = new long[11];
        Map<String, Captured> captured = new HashMap<>();
        events.scanType("Booking", event -> {
            if (!event.type().endsWith(".BookingSettled")) {
                return;
            }
            JsonNode p = event.payload();
            if (p.path("capturedTokens").asLong() > 0) {
                captured.put(p.get("bookingId").asText(), new Captured(p.get("mentorId").asText(),
                        p.get("capturedTokens").asLong(), event.timestamp()));
            }
        });

        Map<UUID, long[]> balances = new LinkedHashMap<>(); // pending, available, inPayout, paid, withheld
        Map<String, Long> accrued = new HashMap<>();
        Map<String, Long> reserved = new HashMap<>();
        Map<String, Long> paid = new HashMap<>();
        Map<String, Integer> returned = new HashMap<>();
        Map<String, Long> net = new HashMap<>();
        events.scanType("MentorEarnings", event -> {
            JsonNode p = event.payload();
            UUID mentor = UUID.fromString(p.get("mentorId").asText());
            long[] b = balances.computeIfAbsent(mentor, id -> new long[MentorBuckets.COUNT]);
            boolean inPeriod = !event.timestamp().isBefore(from) && event.timestamp().isBefore(to);
            String booking = p.path("bookingId").asText();
            String payout = p.path("payoutId").asText();
            MentorBuckets.apply(b, simpleName(event.type()), p);
            switch (simpleName(event.type())) {
                case "SessionEarningAccrued" -> {
                    long gross = p.get("gross").asLong();
                    long tokens = p.get("capturedTokens").asLong();
                    net.put(booking, p.get("net").asLong());
                    if (accrued.put(booking, tokens) != null) {
                        mismatches.add(new Mismatch("EARNING_ACCRUED_TWICE", "booking " + booking, "1", "2",
                                "the session's earning was recorded twice"));
                    }
                    if (gross != tokens * p.get("tokenValue").asLong() || gross != p.get("commission").asLong()
                            + p.get("tds").asLong() + p.get("net").asLong()) {
                        mismatches.add(new Mismatch("EARNING_SPLIT_WRONG", "booking " + booking,
                                "gross = tokens × value = commission + tds + net", p.toString(),
                                "the earning's lines do not add up"));
                    }
                    Captured session = captured.get(booking);
                    if (session == null) {
                        mismatches.add(new Mismatch("EARNING_WITHOUT_CAPTURE", "mentor " + mentor + " booking "
                                + booking, "a settlement capturing tokens", "none",
                                "an earning for a session whose tokens were never captured"));
                    } else if (session.tokens() != tokens || !session.mentorId().equals(mentor.toString())) {
                        mismatches.add(new Mismatch("EARNING_TOKENS_MISMATCH", "booking " + booking,
                                session.tokens() + " to " + session.mentorId(), tokens + " to " + mentor,
                                "the earning is not for the tokens the settlement captured"));
                    }
                    if (inPeriod) {
                        t[0]++;
                        t[1] += gross;
                        t[2] += p.get("commission").asLong();
                        t[3] += p.get("tds").asLong();
                        t[4] += p.get("net").asLong();
                    }
                }
                case "SessionEarningReversed" -> {
                    if (inPeriod) {
                        t[5] += p.get("amount").asLong();
                    }
                }
                case "PayoutFundsReserved" -> {
                    reserved.put(payout, p.get("amount").asLong());
                }
                case "PayoutFundsPaid" -> {
                    paid.put(payout, p.get("amount").asLong());
                }
                case "PayoutFundsReturned" -> {
                    returned.merge(payout, 1, Integer::sum);
                    if (inPeriod) {
                        t[8] += p.get("amount").asLong();
                    }
                }
                default -> {
                    // moved between buckets above; nothing further to check
                }
            }
        });

        Instant accruedBy = clock.instant().minus(ACCRUAL_LAG);
        captured.forEach((booking, session) -> {
            if (!accrued.containsKey(booking) && session.at().isBefore(accruedBy)) {
                mismatches.add(new Mismatch("SESSION_NOT_ACCRUED", "mentor " + session.mentorId() + " booking "
                        + booking, session.tokens() + " tokens earned", "none",
                        "the session's tokens were captured at " + session.at() + " but the mentor earned nothing"));
            }
        });

        Map<String, String> finalState = new HashMap<>();
        Map<String, Long> requested = new HashMap<>();
        Map<String, String> mentorOf = new HashMap<>();
        events.scanType("Payout", event -> {
            JsonNode p = event.payload();
            String payout = p.get("payoutId").asText();
            boolean inPeriod = !event.timestamp().isBefore(from) && event.timestamp().isBefore(to);
            String type = simpleName(event.type());
            switch (type) {
                case "PayoutRequested" -> {
                    requested.put(payout, p.get("amount").asLong());
                    mentorOf.put(payout, p.get("mentorId").asText());
                    if (inPeriod) {
                        t[6]++;
                        t[7] += p.get("amount").asLong();
                    }
                }
                case "PayoutProcessed", "PayoutRejected", "PayoutCancelled", "PayoutFailed", "PayoutReversed" -> {
                    finalState.put(payout, type);
                    if (type.equals("PayoutProcessed") && inPeriod) {
                        t[9]++;
                        t[10] += p.get("amount").asLong();
                    }
                }
                default -> {
                    // approvals, submissions and deferrals move no money
                }
            }
        });

        Map<String, Long> processedPerMentor = new HashMap<>();
        requested.forEach((payout, amount) -> {
            String ref = "mentor " + mentorOf.get(payout) + " payout " + payout;
            if (!amount.equals(reserved.get(payout))) {
                mismatches.add(new Mismatch("PAYOUT_WITHOUT_RESERVATION", ref, String.valueOf(amount),
                        String.valueOf(reserved.get(payout)), "the payout's amount was not reserved in the ledger"));
            }
            String state = finalState.get(payout);
            int returns = returned.getOrDefault(payout, 0);
            boolean mustReturn = state != null && !state.equals("PayoutProcessed");
            if (mustReturn != (returns == 1) || returns > 1) {
                mismatches.add(new Mismatch(returns > 1 ? "PAYOUT_RETURNED_TWICE" : mustReturn ? "PAYOUT_NOT_RETURNED"
                        : "PAYOUT_RETURNED_WITHOUT_OUTCOME", ref, mustReturn ? "1 return" : "0 returns",
                        returns + " returns", "state " + (state == null ? "open" : state)));
            }
            boolean wasPaid = "PayoutProcessed".equals(state)
                    || ("PayoutReversed".equals(state) && paid.containsKey(payout));
            if ("PayoutProcessed".equals(state) && !paid.containsKey(payout)) {
                mismatches.add(new Mismatch("PROCESSED_NOT_PAID", ref, String.valueOf(amount), "none",
                        "the provider processed the payout but the ledger never moved it to paid"));
            }
            if (wasPaid && "PayoutProcessed".equals(state)) {
                processedPerMentor.merge(mentorOf.get(payout), amount, Long::sum);
            }
        });
        paid.keySet().stream().filter(payout -> !requested.containsKey(payout)
                || (finalState.get(payout) == null)).forEach(payout -> mismatches.add(new Mismatch(
                "PAID_WITHOUT_PROCESSED", "payout " + payout, "PayoutProcessed", String.valueOf(finalState.get(payout)),
                "the ledger paid a payout the provider never processed")));
        balances.forEach((mentor, b) -> {
            long processed = processedPerMentor.getOrDefault(mentor.toString(), 0L);
            if (processed != b[MentorBuckets.PAID]) {
                mismatches.add(new Mismatch("PAID_DRIFT", "mentor " + mentor, String.valueOf(processed),
                        String.valueOf(b[MentorBuckets.PAID]),
                        "the ledger's paid balance differs from the processed payouts"));
            }
        });

        compareWithReadModel(balances, mismatches);
        return new EarningsTotals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[9], t[10], t[8],
                balances.size());
    }

    private void compareWithReadModel(Map<UUID, long[]> balances, List<Mismatch> mismatches) {
        Map<UUID, long[]> readModel = reads.allBalances();
        balances.forEach((mentor, fromEvents) -> {
            long[] read = readModel.remove(mentor);
            if (read == null) {
                mismatches.add(new Mismatch("EARNINGS_MISSING_IN_READ_MODEL", mentor.toString(),
                        java.util.Arrays.toString(fromEvents), "-", "the mentor has ledger events but no balance row"));
                return;
            }
            for (int i = 0; i < BUCKETS.length; i++) {
                if (read[i] != fromEvents[i]) {
                    mismatches.add(new Mismatch("EARNINGS_BALANCE_DRIFT", mentor + " " + BUCKETS[i],
                            String.valueOf(fromEvents[i]), String.valueOf(read[i]),
                            "mentor_earnings_view." + BUCKETS[i] + " differs from the ledger's events"));
                }
            }
        });
        readModel.forEach((mentor, read) -> mismatches.add(new Mismatch("EARNINGS_UNKNOWN_TO_EVENTS",
                mentor.toString(), "-", java.util.Arrays.toString(read), "a balance row for a mentor without events")));
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private record Captured(String mentorId, long tokens, Instant at) {
    }
}

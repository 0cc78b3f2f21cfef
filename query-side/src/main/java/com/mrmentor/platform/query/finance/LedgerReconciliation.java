package com.mrmentor.platform.query.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.query.finance.ReconciliationReport.Mismatch;
import com.mrmentor.platform.query.finance.ReconciliationReport.SessionTotals;
import com.mrmentor.platform.query.finance.ReconciliationReport.TokenFlows;
import com.mrmentor.platform.query.tokens.StoredTokensGranted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reconciles the token ledger and the bookings from the event store, not from the read models:
 * <ul>
 *   <li>token flows of the period per category, from the wallets' events (captures split by lot category);</li>
 *   <li>every wallet's balance and held tokens recomputed from all its events, compared with the event chain's own
 *       {@code balanceAfter}/{@code heldAfter} and with the read model {@code token_account};</li>
 *   <li>every booking settled in the period against the ledger: a settlement that says captured must have a
 *       capture of the same hold and amount, one that says released a release; a capture of a booking's hold older
 *       than {@link #SETTLEMENT_LAG} must have its settlement.</li>
 * </ul>
 * Cost: one streaming pass over the wallet and booking events (the whole log of those aggregates, since balances
 * need every event); the report says how many wallets it checked.
 */
@Component
public class LedgerReconciliation {

    /** How long the booking saga may take to record a settlement after the ledger moved the tokens. */
    static final Duration SETTLEMENT_LAG = Duration.ofMinutes(10);

    private static final String EVENTS = "com.mrmentor.platform.shared.";

    private final StoredEventReader events;
    private final JdbcTemplate jdbc;
    private final DocumentReconciliation documents;
    private final Clock clock;

    public LedgerReconciliation(StoredEventReader events, JdbcTemplate jdbc, DocumentReconciliation documents,
                                Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock;
    }

    public ReconciliationReport reconcile(Instant from, Instant to) {
        Map<String, long[]> flows = new TreeMap<>();
        Map<UUID, long[]> wallets = new LinkedHashMap<>(); // owner -> {balance, held}
        Map<String, HoldMove> holdMoves = new HashMap<>(); // holdId -> how the ledger resolved it
        List<Mismatch> mismatches = new ArrayList<>();

        events.scanType("TokenWallet", event -> {
            JsonNode p = event.payload();
            String type = simpleName(event.type());
            boolean inPeriod = !event.timestamp().isBefore(from) && event.timestamp().isBefore(to);
            UUID owner = UUID.fromString(p.get("userId").asText());
            long[] wallet = wallets.computeIfAbsent(owner, id -> new long[2]);
            switch (type) {
                case "TokensGranted" -> {
                    StoredTokensGranted grant = StoredTokensGranted.of(event); // either revision
                    wallet[0] += grant.amount();
                    count(flows, inPeriod, grant.category().name(), 0, grant.amount());
                }
                case "TokensHeld" -> {
                    wallet[1] += p.get("amount").asLong();
                    perAllocation(flows, inPeriod, p, 1);
                }
                case "TokenHoldCaptured" -> {
                    wallet[0] -= p.get("amount").asLong();
                    wallet[1] -= p.get("amount").asLong();
                    perAllocation(flows, inPeriod, p, 2);
                    holdMoves.put(p.get("holdId").asText(), new HoldMove("CAPTURE", p.get("amount").asLong(),
                            event.timestamp(), p.path("reference").asText()));
                }
                case "TokenHoldReleased" -> {
                    wallet[1] -= p.get("amount").asLong();
                    perAllocation(flows, inPeriod, p, "EXPIRED".equals(p.path("reason").asText()) ? 4 : 3);
                    holdMoves.put(p.get("holdId").asText(), new HoldMove("RELEASE", p.get("amount").asLong(),
                            event.timestamp(), p.path("reference").asText()));
                }
                case "TokenGrantExpired" -> {
                    wallet[0] -= p.get("amount").asLong();
                    count(flows, inPeriod, p.get("category").asText(), 5, p.get("amount").asLong());
                }
                case "TokenGrantRevoked" -> {
                    wallet[0] -= p.get("amount").asLong();
                    count(flows, inPeriod, p.get("category").asText(), 6, p.get("amount").asLong());
                }
                default -> {
                    // requests, approvals, rejections, lapses, openings and extensions move no tokens
                }
            }
            if (p.has("balanceAfter") && (p.get("balanceAfter").asLong() != wallet[0]
                    || p.get("heldAfter").asLong() != wallet[1])) {
                mismatches.add(new Mismatch("EVENT_CHAIN_BREAK", owner + " #" + event.sequenceNumber(),
                        wallet[0] + "/" + wallet[1], p.get("balanceAfter").asLong() + "/" + p.get("heldAfter").asLong(),
                        type + " records balance/held after it that its wallet's earlier events do not add up to"));
                wallet[0] = p.get("balanceAfter").asLong();
                wallet[1] = p.get("heldAfter").asLong();
            }
        });

        compareWithReadModel(wallets, mismatches);
        SessionTotals sessions = settlements(from, to, holdMoves, mismatches);
        DocumentReconciliation.Sections money = documents.reconcile(from, to, mismatches);

        Map<String, TokenFlows> tokens = new LinkedHashMap<>();
        flows.forEach((category, f) -> tokens.put(category, new TokenFlows(f[0], f[1], f[2], f[3], f[4], f[5], f[6])));
        return new ReconciliationReport(from, to, clock.instant(), tokens, sessions, wallets.size(),
                money.payments(), money.documents(), List.copyOf(mismatches));
    }

    private void compareWithReadModel(Map<UUID, long[]> wallets, List<Mismatch> mismatches) {
        Map<UUID, long[]> readModel = new HashMap<>();
        jdbc.query("SELECT user_id, balance, held FROM token_account", rs -> {
            readModel.put(rs.getObject(1, UUID.class), new long[]{rs.getLong(2), rs.getLong(3)});
        });
        wallets.forEach((owner, fromEvents) -> {
            long[] read = readModel.remove(owner);
            if (read == null) {
                mismatches.add(new Mismatch("WALLET_MISSING_IN_READ_MODEL", owner.toString(),
                        fromEvents[0] + "/" + fromEvents[1], "-", "the wallet has events but no token_account row"));
                return;
            }
            if (read[0] != fromEvents[0]) {
                mismatches.add(new Mismatch("WALLET_BALANCE_DRIFT", owner.toString(), String.valueOf(fromEvents[0]),
                        String.valueOf(read[0]), "token_account.balance differs from the wallet's events"));
            }
            if (read[1] != fromEvents[1]) {
                mismatches.add(new Mismatch("WALLET_HELD_DRIFT", owner.toString(), String.valueOf(fromEvents[1]),
                        String.valueOf(read[1]), "token_account.held differs from the wallet's events"));
            }
        });
        readModel.forEach((owner, read) -> mismatches.add(new Mismatch("WALLET_UNKNOWN_TO_EVENTS", owner.toString(),
                "-", read[0] + "/" + read[1], "a token_account row for a wallet without events")));
    }

    private SessionTotals settlements(Instant from, Instant to, Map<String, HoldMove> holdMoves,
                                      List<Mismatch> mismatches) {
        long[] totals = new long[4];
        Map<String, String> settledHolds = new HashMap<>();
        events.scanType("Booking", event -> {
            if (!simpleName(event.type()).equals("BookingSettled")) {
                return;
            }
            JsonNode p = event.payload();
            String holdId = p.get("holdId").asText();
            settledHolds.put(holdId, p.get("bookingId").asText());
            if (event.timestamp().isBefore(from) || !event.timestamp().isBefore(to)) {
                return;
            }
            long captured = p.get("capturedTokens").asLong();
            long released = p.get("releasedTokens").asLong();
            totals[0]++;
            totals[1] += captured > 0 ? 1 : 0;
            totals[2] += captured;
            totals[3] += released;
            HoldMove move = holdMoves.get(holdId);
            String expected = captured > 0 ? "CAPTURE " + captured : "RELEASE " + released;
            String actual = move == null ? "none" : move.kind() + " " + move.amount();
            if (!expected.equals(actual)) {
                mismatches.add(new Mismatch("SETTLEMENT_WITHOUT_LEDGER_MOVE", "booking " + p.get("bookingId").asText()
                        + " hold " + holdId, expected, actual,
                        "the booking's settlement does not match what the ledger did with its hold"));
            }
        });
        Instant settledBy = clock.instant().minus(SETTLEMENT_LAG);
        holdMoves.forEach((holdId, move) -> {
            boolean bookingHold = move.reference().startsWith("booking:");
            boolean inPeriod = !move.at().isBefore(from) && move.at().isBefore(to);
            if (bookingHold && inPeriod && move.at().isBefore(settledBy) && !settledHolds.containsKey(holdId)) {
                mismatches.add(new Mismatch("LEDGER_MOVE_NOT_SETTLED", move.reference() + " hold " + holdId,
                        "BookingSettled", "none", "the ledger " + move.kind().toLowerCase() + "d the booking's "
                        + move.amount() + " tokens at " + move.at() + " but the booking was never settled"));
            }
        });
        return new SessionTotals(totals[0], totals[1], totals[2], totals[3]);
    }

    /** Counts a flow against each lot category the event's allocations name. */
    private static void perAllocation(Map<String, long[]> flows, boolean inPeriod, JsonNode payload, int column) {
        for (JsonNode allocation : payload.path("allocations")) {
            count(flows, inPeriod, allocation.get("category").asText(), column, allocation.get("amount").asLong());
        }
    }

    private static void count(Map<String, long[]> flows, boolean inPeriod, String category, int column, long amount) {
        if (inPeriod) {
            flows.computeIfAbsent(category, c -> new long[7])[column] += amount;
        }
    }

    private static String simpleName(String payloadType) {
        return payloadType.startsWith(EVENTS) ? payloadType.substring(payloadType.lastIndexOf('.') + 1) : payloadType;
    }

    private record HoldMove(String kind, long amount, Instant at, String reference) {
    }
}

package com.mrmentor.platform.query.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.query.audit.StoredEventReader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The payout liability as of an instant, folded from the mentors' ledger events ({@code MentorEarnings}) stored up
 * to it, in one streaming pass, by the same bucket moves as the ledger and {@link EarningsReconciliation}: an earning
 * accrues to pending (its TDS to withheld), becomes available, may be reversed from either; a payout reserves
 * available into in-payout, is paid from it, or its money returns to available (from in-payout, or from paid after a
 * bank reversal). An event counts when its stored timestamp, read as an instant, is at or before {@code asOf}.
 */
@Component
public class PayoutLiabilityAsOf {

    private static final int PENDING = MentorBuckets.PENDING;
    private static final int AVAILABLE = MentorBuckets.AVAILABLE;
    private static final int IN_PAYOUT = MentorBuckets.IN_PAYOUT;
    private static final int PAID = MentorBuckets.PAID;
    private static final int WITHHELD = MentorBuckets.WITHHELD;

    private final StoredEventReader events;
    private final Clock clock;

    public PayoutLiabilityAsOf(StoredEventReader events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Over every mentor, or only over {@code mentorIds} when it is not empty. */
    @Transactional(readOnly = true) // PostgreSQL streams a result set by its fetch size only inside a transaction
    public PayoutLiability asOf(Instant asOf, Set<UUID> mentorIds) {
        Map<UUID, long[]> ledgers = new HashMap<>();
        Set<String> openPayouts = new HashSet<>();
        long[] folded = new long[1];
        events.scanType("MentorEarnings", event -> {
            if (event.timestamp().isAfter(asOf)) {
                return;
            }
            JsonNode p = event.payload();
            UUID mentor = UUID.fromString(p.get("mentorId").asText());
            if (!mentorIds.isEmpty() && !mentorIds.contains(mentor)) {
                return;
            }
            folded[0]++;
            String type = event.type().substring(event.type().lastIndexOf('.') + 1);
            MentorBuckets.apply(ledgers.computeIfAbsent(mentor, id -> new long[MentorBuckets.COUNT]), type, p);
            if ("PayoutFundsReserved".equals(type)) {
                openPayouts.add(p.get("payoutId").asText());
            } else if ("PayoutFundsPaid".equals(type) || "PayoutFundsReturned".equals(type)) {
                openPayouts.remove(p.get("payoutId").asText());
            }
        });

        long[] total = new long[5];
        long inDeficit = 0;
        for (long[] b : ledgers.values()) {
            for (int i = 0; i < total.length; i++) {
                total[i] += b[i];
            }
            inDeficit += b[AVAILABLE] < 0 ? 1 : 0;
        }
        return new PayoutLiability(asOf, clock.instant(), ledgers.size(), total[PENDING], total[AVAILABLE],
                total[IN_PAYOUT], total[PENDING] + total[AVAILABLE] + total[IN_PAYOUT], openPayouts.size(), inDeficit,
                total[WITHHELD], folded[0]);
    }
}

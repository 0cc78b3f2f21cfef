package com.mrmentor.platform.query.finance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How each earnings-ledger event moves a mentor's money between buckets, folded from the stored JSON: the one rule
 * shared by the reconciliation and the payout liability as of an instant. A bucket array is indexed by the constants.
 */
final class MentorBuckets {

    static final int PENDING = 0;
    static final int AVAILABLE = 1;
    static final int IN_PAYOUT = 2;
    static final int PAID = 3;
    /** TDS withheld: owed to the tax authority, not to the mentor. */
    static final int WITHHELD = 4;
    static final int COUNT = 5;

    private MentorBuckets() {
    }

    /** Applies event {@code type} (simple name) with payload {@code p} to {@code buckets}; other types move nothing. */
    static void apply(long[] buckets, String type, JsonNode p) {
        switch (type) {
            case "SessionEarningAccrued" -> {
                buckets[PENDING] += p.get("net").asLong();
                buckets[WITHHELD] += p.get("tds").asLong();
            }
            case "SessionEarningAvailable" -> {
                buckets[PENDING] -= p.get("net").asLong();
                buckets[AVAILABLE] += p.get("net").asLong();
            }
            case "SessionEarningReversed" -> {
                buckets["PENDING".equals(p.get("fromBucket").asText()) ? PENDING : AVAILABLE] -= p.get("amount")
                        .asLong();
                buckets[WITHHELD] -= p.get("tds").asLong();
            }
            case "PayoutFundsReserved" -> {
                buckets[AVAILABLE] -= p.get("amount").asLong();
                buckets[IN_PAYOUT] += p.get("amount").asLong();
            }
            case "PayoutFundsPaid" -> {
                buckets[IN_PAYOUT] -= p.get("amount").asLong();
                buckets[PAID] += p.get("amount").asLong();
            }
            case "PayoutFundsReturned" -> {
                buckets["PAID".equals(p.get("fromBucket").asText()) ? PAID : IN_PAYOUT] -= p.get("amount").asLong();
                buckets[AVAILABLE] += p.get("amount").asLong();
            }
            default -> {
                // destination changes move no money
            }
        }
    }
}

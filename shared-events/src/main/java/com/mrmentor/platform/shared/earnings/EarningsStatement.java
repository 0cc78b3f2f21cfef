package com.mrmentor.platform.shared.earnings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mentor's ledger lines in a period, oldest first. */
public record EarningsStatement(UUID mentorId, Instant from, Instant to, List<Line> lines) {

    /**
     * One line.
     *
     * @param type     SESSION_GROSS, COMMISSION, TDS, EARNING_AVAILABLE, REVERSAL, PAYOUT_RESERVED, PAYOUT_PAID,
     *                 PAYOUT_RETURNED
     * @param source   SESSION, REVERSAL or PAYOUT
     * @param sourceId the booking or the payout
     * @param amount   paise, signed: what the line adds to (or takes from) the mentor
     * @param bucket   the balance it moves: PENDING, AVAILABLE, IN_PAYOUT, PAID, WITHHELD, COMMISSION
     * @param detail   the reason, UTR or rate, where there is one
     */
    public record Line(Instant at, String type, String source, UUID sourceId, long amount, String bucket,
                       String detail) {
    }
}

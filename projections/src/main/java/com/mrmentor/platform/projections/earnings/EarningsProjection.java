package com.mrmentor.platform.projections.earnings;

import com.mrmentor.platform.shared.earnings.PayoutDestinationChanged;
import com.mrmentor.platform.shared.earnings.PayoutFundsPaid;
import com.mrmentor.platform.shared.earnings.PayoutFundsReserved;
import com.mrmentor.platform.shared.earnings.PayoutFundsReturned;
import com.mrmentor.platform.shared.earnings.SessionEarningAccrued;
import com.mrmentor.platform.shared.earnings.SessionEarningAvailable;
import com.mrmentor.platform.shared.earnings.SessionEarningReversed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A mentor's balances ({@code mentor_earnings_view}) and statement lines ({@code earning_line}) from their ledger's
 * events. Each balance row remembers the last ledger event it applied and each line is keyed by its event, so a
 * redelivered event changes nothing; a reset clears both for a replay. The destination is kept only masked.
 */
@Component
@ProcessingGroup(EarningsProjection.PROCESSING_GROUP)
public class EarningsProjection {

    public static final String PROCESSING_GROUP = "mentor-earnings";

    private final JdbcTemplate jdbc;

    public EarningsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionEarningAccrued e, @SequenceNumber long seq) {
        if (change(e.mentorId(), seq, e.accruedAt(), "pending = pending + ?, withheld = withheld + ?, "
                + "gross = gross + ?, commission = commission + ?", e.net(), e.tds(), e.gross(), e.commission())) {
            line(e.mentorId(), seq, 0, e.accruedAt(), "SESSION_GROSS", "SESSION", e.bookingId(), e.gross(), "PENDING",
                    e.capturedTokens() + " token(s) × " + e.tokenValue() + " paise before GST; available from "
                            + e.availableAt());
            line(e.mentorId(), seq, 1, e.accruedAt(), "COMMISSION", "SESSION", e.bookingId(), -e.commission(),
                    "COMMISSION", "platform commission " + percent(e.commissionBps()));
            if (e.tds() > 0) {
                line(e.mentorId(), seq, 2, e.accruedAt(), "TDS", "SESSION", e.bookingId(), -e.tds(), "WITHHELD",
                        "TDS u/s 194-O " + percent(e.tdsBps()));
            }
        }
    }

    @EventHandler
    void on(SessionEarningAvailable e, @SequenceNumber long seq) {
        if (change(e.mentorId(), seq, e.availableAt(), "pending = pending - ?, available = available + ?", e.net(),
                e.net())) {
            line(e.mentorId(), seq, 0, e.availableAt(), "EARNING_AVAILABLE", "SESSION", e.bookingId(), e.net(),
                    "AVAILABLE", "hold period over: pending → available");
        }
    }

    @EventHandler
    void on(SessionEarningReversed e, @SequenceNumber long seq) {
        String bucket = "PENDING".equals(e.fromBucket()) ? "pending" : "available";
        if (change(e.mentorId(), seq, e.reversedAt(), bucket + " = " + bucket + " - ?, withheld = withheld - ?, "
                + "gross = gross - ?, commission = commission - ?", e.amount(), e.tds(), e.gross(), e.commission())) {
            line(e.mentorId(), seq, 0, e.reversedAt(), "REVERSAL", "REVERSAL", e.bookingId(), -e.amount(),
                    e.fromBucket(), e.reason());
        }
    }

    @EventHandler
    void on(PayoutFundsReserved e, @SequenceNumber long seq) {
        if (change(e.mentorId(), seq, e.reservedAt(), "available = available - ?, in_payout = in_payout + ?",
                e.amount(), e.amount())) {
            line(e.mentorId(), seq, 0, e.reservedAt(), "PAYOUT_RESERVED", "PAYOUT", e.payoutId(), -e.amount(),
                    "AVAILABLE", "requested: available → in payout");
        }
    }

    @EventHandler
    void on(PayoutFundsPaid e, @SequenceNumber long seq) {
        if (change(e.mentorId(), seq, e.paidAt(), "in_payout = in_payout - ?, paid = paid + ?", e.amount(),
                e.amount())) {
            line(e.mentorId(), seq, 0, e.paidAt(), "PAYOUT_PAID", "PAYOUT", e.payoutId(), e.amount(), "PAID",
                    e.utr() == null ? "processed" : "processed, UTR " + e.utr());
        }
    }

    @EventHandler
    void on(PayoutFundsReturned e, @SequenceNumber long seq) {
        String from = "PAID".equals(e.fromBucket()) ? "paid" : "in_payout";
        if (change(e.mentorId(), seq, e.returnedAt(), from + " = " + from + " - ?, available = available + ?",
                e.amount(), e.amount())) {
            line(e.mentorId(), seq, 0, e.returnedAt(), "PAYOUT_RETURNED", "PAYOUT", e.payoutId(), e.amount(),
                    "AVAILABLE", e.outcome() + ": " + e.reason());
        }
    }

    @EventHandler
    void on(PayoutDestinationChanged e, @SequenceNumber long seq) {
        change(e.mentorId(), seq, e.changedAt(), "destination = ?, payouts_held_until = ?", e.masked(),
                ts(e.holdUntil()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM earning_line");
        jdbc.update("DELETE FROM mentor_earnings_view");
    }

    /** Applies the event to the mentor's row unless it was applied; returns whether it was new. */
    private boolean change(UUID mentorId, long seq, Instant at, String assignments, Object... values) {
        jdbc.update("INSERT INTO mentor_earnings_view (mentor_id, last_sequence) SELECT ?, -1 WHERE NOT EXISTS "
                + "(SELECT 1 FROM mentor_earnings_view WHERE mentor_id = ?)", mentorId, mentorId);
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = ts(at);
        args[values.length + 1] = seq;
        args[values.length + 2] = mentorId;
        args[values.length + 3] = seq;
        return jdbc.update("UPDATE mentor_earnings_view SET " + assignments + ", updated_at = ?, last_sequence = ? "
                + "WHERE mentor_id = ? AND last_sequence < ?", args) == 1;
    }

    private void line(UUID mentorId, long seq, int lineNo, Instant at, String type, String source, UUID sourceId,
                      long amount, String bucket, String detail) {
        jdbc.update("INSERT INTO earning_line (mentor_id, sequence, line_no, at, type, source, source_id, amount, "
                        + "bucket, detail) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                        + "earning_line WHERE mentor_id = ? AND sequence = ? AND line_no = ?)",
                mentorId, seq, lineNo, ts(at), type, source, sourceId, amount, bucket, truncate(detail), mentorId,
                seq, lineNo);
    }

    private static String percent(int bps) {
        return String.format(Locale.ROOT, "%d.%02d %%", bps / 100, bps % 100);
    }

    static String truncate(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

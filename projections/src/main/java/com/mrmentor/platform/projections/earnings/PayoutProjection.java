package com.mrmentor.platform.projections.earnings;

import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.PayoutCancelled;
import com.mrmentor.platform.shared.earnings.PayoutFailed;
import com.mrmentor.platform.shared.earnings.PayoutProcessed;
import com.mrmentor.platform.shared.earnings.PayoutRejected;
import com.mrmentor.platform.shared.earnings.PayoutRequested;
import com.mrmentor.platform.shared.earnings.PayoutReversed;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.PayoutSubmissionDeferred;
import com.mrmentor.platform.shared.earnings.PayoutSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.mrmentor.platform.projections.earnings.EarningsProjection.truncate;
import static com.mrmentor.platform.projections.earnings.EarningsProjection.ts;

/**
 * One row per payout ({@code payout_view}, destination masked) and one timeline row per payout event
 * ({@code payout_timeline}). Rows remember the last event applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(PayoutProjection.PROCESSING_GROUP)
public class PayoutProjection {

    public static final String PROCESSING_GROUP = "payouts";

    private final JdbcTemplate jdbc;

    public PayoutProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PayoutRequested e, @SequenceNumber long seq) {
        jdbc.update("INSERT INTO payout_view (payout_id, mentor_id, amount, currency, method, destination, status, "
                        + "requested_at, not_before, updated_at, last_sequence) SELECT ?, ?, ?, 'INR', ?, ?, 'PENDING', "
                        + "?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM payout_view WHERE payout_id = ?)",
                e.payoutId(), e.mentorId(), e.amount(), e.method().name(), e.maskedDestination(), ts(e.requestedAt()),
                ts(e.notBefore()), ts(e.requestedAt()), seq, e.payoutId());
        step(e.payoutId(), seq, e.requestedAt(), PayoutStatus.PENDING, "REQUESTED", e.mentorId(),
                e.amount() + " paise to " + e.maskedDestination()
                        + (e.notBefore() == null ? "" : "; destination changed, held until " + e.notBefore()));
    }

    @EventHandler
    void on(PayoutApproved e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.approvedAt(), "status = 'QUEUED', decided_by = ?, decided_at = ?, batch_id = ?, "
                + "send_at = ?", e.approvedBy(), ts(e.approvedAt()), e.batchId(), ts(e.sendAt()));
        step(e.payoutId(), seq, e.approvedAt(), PayoutStatus.QUEUED, "APPROVED", e.approvedBy(),
                e.batchId() + " at " + e.sendAt());
    }

    @EventHandler
    void on(PayoutRejected e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.rejectedAt(), "status = 'REJECTED', decided_by = ?, decided_at = ?, reason = ?",
                e.rejectedBy(), ts(e.rejectedAt()), truncate(e.reason()));
        step(e.payoutId(), seq, e.rejectedAt(), PayoutStatus.REJECTED, e.automatic() ? "AUTO_REJECTED" : "REJECTED",
                e.rejectedBy(), e.reason());
    }

    @EventHandler
    void on(PayoutCancelled e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.cancelledAt(), "status = 'CANCELLED', reason = ?", truncate(e.reason()));
        step(e.payoutId(), seq, e.cancelledAt(), PayoutStatus.CANCELLED, "CANCELLED", e.cancelledBy(), e.reason());
    }

    @EventHandler
    void on(PayoutSubmitted e, @SequenceNumber long seq) {
        if (e.immediate()) {
            change(e.payoutId(), seq, e.submittedAt(), "status = 'PROCESSING', provider = ?, provider_payout_id = ?, "
                            + "batch_id = ?, send_at = ?", e.provider(), e.providerPayoutId(),
                    "immediate-" + e.submittedAt().atZone(ZoneOffset.UTC).toLocalDate(), ts(e.submittedAt()));
        } else {
            change(e.payoutId(), seq, e.submittedAt(), "status = 'PROCESSING', provider = ?, provider_payout_id = ?",
                    e.provider(), e.providerPayoutId());
        }
        step(e.payoutId(), seq, e.submittedAt(), PayoutStatus.PROCESSING, e.immediate() ? "SENT_NOW" : "SENT_IN_BATCH",
                e.submittedBy(), e.provider() + " " + e.providerPayoutId());
    }

    @EventHandler
    void on(PayoutSubmissionDeferred e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.deferredAt(), "send_at = ?", ts(e.retryAt()));
        step(e.payoutId(), seq, e.deferredAt(), PayoutStatus.QUEUED, "DEFERRED", null,
                e.reason() + "; next try " + e.retryAt());
    }

    @EventHandler
    void on(PayoutProcessed e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.processedAt(), "status = 'PROCESSED', utr = ?, processed_at = ?", e.utr(),
                ts(e.processedAt()));
        step(e.payoutId(), seq, e.processedAt(), PayoutStatus.PROCESSED, "PROCESSED", null, "UTR " + e.utr());
    }

    @EventHandler
    void on(PayoutFailed e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.failedAt(), "status = 'FAILED', reason = ?", truncate(e.reason()));
        step(e.payoutId(), seq, e.failedAt(), PayoutStatus.FAILED, "FAILED", null, e.reason());
    }

    @EventHandler
    void on(PayoutReversed e, @SequenceNumber long seq) {
        change(e.payoutId(), seq, e.reversedAt(), "status = 'REVERSED', reason = ?, utr = COALESCE(?, utr)",
                truncate(e.reason()), e.utr());
        step(e.payoutId(), seq, e.reversedAt(), PayoutStatus.REVERSED, "REVERSED", null, e.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM payout_timeline");
        jdbc.update("DELETE FROM payout_view");
    }

    private void change(UUID payoutId, long seq, Instant at, String assignments, Object... values) {
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = ts(at);
        args[values.length + 1] = seq;
        args[values.length + 2] = payoutId;
        args[values.length + 3] = seq;
        jdbc.update("UPDATE payout_view SET " + assignments + ", updated_at = ?, last_sequence = ? "
                + "WHERE payout_id = ? AND last_sequence < ?", args);
    }

    private void step(UUID payoutId, long seq, Instant at, PayoutStatus status, String event, UUID actor,
                      String detail) {
        jdbc.update("INSERT INTO payout_timeline (payout_id, sequence, at, status, event, actor, detail) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM payout_timeline "
                        + "WHERE payout_id = ? AND sequence = ?)", payoutId, seq, ts(at), status.name(), event, actor,
                truncate(detail), payoutId, seq);
    }
}

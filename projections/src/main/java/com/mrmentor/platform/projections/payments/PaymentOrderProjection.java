package com.mrmentor.platform.projections.payments;

import com.mrmentor.platform.shared.payments.PaymentCaptured;
import com.mrmentor.platform.shared.payments.PaymentOrderCreated;
import com.mrmentor.platform.shared.payments.PaymentOrderExpired;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import com.mrmentor.platform.shared.payments.PaymentRefundFailed;
import com.mrmentor.platform.shared.payments.PaymentRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentRefundProcessed;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.PaymentRefundSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * One row per payment order, with its refund. Each row remembers the last event of its order it applied, so a
 * redelivered event changes nothing; a reset clears the table for a replay.
 */
@Component
@ProcessingGroup(PaymentOrderProjection.PROCESSING_GROUP)
public class PaymentOrderProjection {

    public static final String PROCESSING_GROUP = "payment-orders";

    private final JdbcTemplate jdbc;

    public PaymentOrderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentOrderCreated e, @SequenceNumber long seq) {
        PaymentQuote q = e.quote();
        jdbc.update("INSERT INTO payment_order_view (order_id, user_id, pack, tokens, taxable_value, "
                        + "gst_rate_percent, cgst, sgst, igst, amount, currency, billing_state, gstin, status, provider, "
                        + "provider_order_id, created_at, expires_at, last_sequence) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM payment_order_view WHERE order_id = ?)",
                e.orderId(), e.userId(), q.pack(), q.tokens(), q.taxableValue(), q.gstRatePercent(), q.cgst(),
                q.sgst(), q.igst(), q.amount(), q.currency(), e.billingState(), e.gstin(), e.provider(),
                e.providerOrderId(), ts(e.createdAt()), ts(e.expiresAt()), seq, e.orderId());
    }

    @EventHandler
    void on(PaymentCaptured e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "status = 'PAID', provider_payment_id = ?, captured_via = ?, late = ?, paid_at = ?",
                e.providerPaymentId(), e.source().name(), e.late(), ts(e.capturedAt()));
    }

    @EventHandler
    void on(PaymentOrderExpired e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "status = 'EXPIRED', expired_at = ?", ts(e.expiredAt()));
    }

    @EventHandler
    void on(PaymentRefundRequested e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "refund_id = ?, refund_status = 'REQUESTED', refund_tokens = ?, refund_amount = ?, "
                        + "refund_reason = ?, refund_requested_by = ?, refund_requested_at = ?", e.refundId(),
                e.tokens(), e.amount(), e.reason(), e.requestedBy(), ts(e.requestedAt()));
    }

    @EventHandler
    void on(PaymentRefundSubmitted e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "refund_status = 'PENDING', provider_refund_id = ?", e.providerRefundId());
    }

    @EventHandler
    void on(PaymentRefundProcessed e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "refund_status = 'PROCESSED', refund_settled_at = ?", ts(e.processedAt()));
    }

    @EventHandler
    void on(PaymentRefundFailed e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "refund_status = 'FAILED', provider_refund_id = COALESCE(?, provider_refund_id), "
                + "refund_failure_reason = ?, refund_settled_at = ?", e.providerRefundId(), truncate(e.reason()),
                ts(e.failedAt()));
    }

    @EventHandler
    void on(PaymentRefundOverdue e, @SequenceNumber long seq) {
        change(e.orderId(), seq, "refund_overdue = TRUE");
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM payment_order_view");
    }

    private void change(UUID orderId, long seq, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = seq;
        args[values.length + 1] = orderId;
        args[values.length + 2] = seq;
        jdbc.update("UPDATE payment_order_view SET " + assignments + ", last_sequence = ? WHERE order_id = ? "
                + "AND last_sequence < ?", args);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

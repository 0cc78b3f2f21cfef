package com.mrmentor.platform.projections.payments;

import com.mrmentor.platform.shared.payments.FindPaymentOrders;
import com.mrmentor.platform.shared.payments.PaymentOrderPage;
import com.mrmentor.platform.shared.payments.PaymentOrderStatus;
import com.mrmentor.platform.shared.payments.PaymentOrderView;
import com.mrmentor.platform.shared.payments.RefundStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the payment order read model. */
@Component
public class PaymentReads {

    private static final RowMapper<PaymentOrderView> VIEW = PaymentReads::view;

    private final JdbcTemplate jdbc;

    public PaymentReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One order, if the read model has it. */
    public Optional<PaymentOrderView> order(UUID orderId) {
        return jdbc.query("SELECT * FROM payment_order_view WHERE order_id = ?", VIEW, orderId).stream()
                .findFirst();
    }

    /** Orders matching the query, newest first (refund lists: newest refund first). */
    public PaymentOrderPage orders(FindPaymentOrders query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.userId() != null) {
            where.append(" AND user_id = ?");
            args.add(query.userId());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.withRefund() || query.refundStatus() != null) {
            where.append(" AND refund_id IS NOT NULL");
        }
        if (query.refundStatus() != null) {
            where.append(" AND refund_status = ?");
            args.add(query.refundStatus().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM payment_order_view" + where, Long.class,
                args.toArray());
        String order = query.withRefund() || query.refundStatus() != null
                ? " ORDER BY refund_requested_at DESC, order_id" : " ORDER BY created_at DESC, order_id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<PaymentOrderView> items = jdbc.query("SELECT * FROM payment_order_view" + where + order
                + " LIMIT ? OFFSET ?", VIEW, pageArgs.toArray());
        return new PaymentOrderPage(items, total == null ? 0 : total, query.page(), query.size());
    }

    private static PaymentOrderView view(ResultSet rs, int row) throws SQLException {
        UUID refundId = rs.getObject("refund_id", UUID.class);
        PaymentOrderView.Refund refund = refundId == null ? null : new PaymentOrderView.Refund(refundId,
                RefundStatus.valueOf(rs.getString("refund_status")), rs.getLong("refund_tokens"),
                rs.getLong("refund_amount"), rs.getString("refund_reason"),
                rs.getObject("refund_requested_by", UUID.class), instant(rs, "refund_requested_at"),
                rs.getString("provider_refund_id"), rs.getString("refund_failure_reason"),
                rs.getBoolean("refund_overdue"), instant(rs, "refund_settled_at"));
        return new PaymentOrderView(rs.getObject("order_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("pack"), rs.getLong("tokens"), rs.getLong("taxable_value"),
                rs.getInt("gst_rate_percent"), rs.getLong("cgst"), rs.getLong("sgst"), rs.getLong("igst"),
                rs.getLong("amount"), rs.getString("currency"), rs.getString("billing_state"),
                rs.getString("gstin"), PaymentOrderStatus.valueOf(rs.getString("status")), rs.getString("provider"),
                rs.getString("provider_order_id"), rs.getString("provider_payment_id"),
                rs.getString("captured_via"), (Boolean) rs.getObject("late"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "paid_at"), instant(rs, "expired_at"), refund);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

package com.mrmentor.platform.projections.earnings;

import com.mrmentor.platform.shared.earnings.EarningsStatement;
import com.mrmentor.platform.shared.earnings.EarningsSummary;
import com.mrmentor.platform.shared.earnings.FindPayouts;
import com.mrmentor.platform.shared.earnings.PayoutBatchTotals;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import com.mrmentor.platform.shared.earnings.PayoutPage;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.PayoutView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the earnings and payout read models. */
@Component
public class EarningsReads {

    private static final String PAYOUT_COLUMNS = "payout_id, mentor_id, amount, currency, method, destination, status, "
            + "requested_at, not_before, decided_by, decided_at, batch_id, send_at, provider, provider_payout_id, utr, "
            + "reason, processed_at, updated_at";

    private final JdbcTemplate jdbc;

    public EarningsReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A mentor's balances (all zero for a mentor who has earned nothing). */
    public EarningsSummary summary(UUID mentorId) {
        return jdbc.query("SELECT pending, available, in_payout, paid, withheld, gross, commission, destination, "
                        + "payouts_held_until FROM mentor_earnings_view WHERE mentor_id = ?",
                (rs, row) -> new EarningsSummary(mentorId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), "INR", rs.getString(8), instant(rs, 9)),
                mentorId).stream().findFirst().orElse(EarningsSummary.empty(mentorId));
    }

    /** Every balance row: mentor → {pending, available, inPayout, paid, withheld}. */
    public Map<UUID, long[]> allBalances() {
        Map<UUID, long[]> balances = new LinkedHashMap<>();
        jdbc.query("SELECT mentor_id, pending, available, in_payout, paid, withheld FROM mentor_earnings_view",
                rs -> {
                    balances.put(rs.getObject(1, UUID.class), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)});
                });
        return balances;
    }

    /** A mentor's lines in {@code [from, to)}, oldest first. */
    public EarningsStatement statement(UUID mentorId, Instant from, Instant to) {
        List<EarningsStatement.Line> lines = jdbc.query("SELECT at, type, source, source_id, amount, bucket, detail "
                        + "FROM earning_line WHERE mentor_id = ? AND at >= ? AND at < ? ORDER BY sequence, line_no",
                (rs, row) -> new EarningsStatement.Line(instant(rs, 1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getLong(5), rs.getString(6), rs.getString(7)),
                mentorId, Timestamp.from(from), Timestamp.from(to));
        return new EarningsStatement(mentorId, from, to, lines);
    }

    /** A payout with its timeline. */
    public Optional<PayoutView> payout(UUID payoutId) {
        List<PayoutView.Step> timeline = jdbc.query("SELECT at, status, event, actor, detail FROM payout_timeline "
                        + "WHERE payout_id = ? ORDER BY sequence",
                (rs, row) -> new PayoutView.Step(instant(rs, 1), PayoutStatus.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5)), payoutId);
        return jdbc.query("SELECT " + PAYOUT_COLUMNS + " FROM payout_view WHERE payout_id = ?",
                (rs, row) -> payout(rs, timeline), payoutId).stream().findFirst();
    }

    /** Payouts newest first, by status, mentor and batch. */
    public PayoutPage payouts(FindPayouts query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.mentorId() != null) {
            where.append(" AND mentor_id = ?");
            args.add(query.mentorId());
        }
        if (query.batchId() != null) {
            where.append(" AND batch_id = ?");
            args.add(query.batchId());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM payout_view" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<PayoutView> items = jdbc.query("SELECT " + PAYOUT_COLUMNS + " FROM payout_view" + where
                        + " ORDER BY requested_at DESC, payout_id LIMIT ? OFFSET ?",
                (rs, row) -> payout(rs, List.of()), paged.toArray());
        return new PayoutPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    /** Totals per batch, newest first. */
    public List<PayoutBatchTotals> batches(int limit) {
        Map<String, Object[]> batches = new LinkedHashMap<>();
        jdbc.query("SELECT batch_id, MIN(send_at), status, COUNT(*), SUM(amount) FROM payout_view "
                + "WHERE batch_id IS NOT NULL GROUP BY batch_id, status ORDER BY MIN(send_at) DESC", rs -> {
                    Object[] batch = batches.computeIfAbsent(rs.getString(1), id -> new Object[]{null, 0L, 0L,
                            new EnumMap<PayoutStatus, Long>(PayoutStatus.class)});
                    Instant sendAt = instant(rs, 2);
                    if (batch[0] == null || ((Instant) batch[0]).isAfter(sendAt)) {
                        batch[0] = sendAt;
                    }
                    batch[1] = (Long) batch[1] + rs.getLong(4);
                    batch[2] = (Long) batch[2] + rs.getLong(5);
                    @SuppressWarnings("unchecked")
                    Map<PayoutStatus, Long> byStatus = (Map<PayoutStatus, Long>) batch[3];
                    byStatus.put(PayoutStatus.valueOf(rs.getString(3)), rs.getLong(5));
                });
        @SuppressWarnings("unchecked")
        List<PayoutBatchTotals> totals = batches.entrySet().stream()
                .map(e -> new PayoutBatchTotals(e.getKey(), (Instant) e.getValue()[0], (Long) e.getValue()[1],
                        (Long) e.getValue()[2], (Map<PayoutStatus, Long>) e.getValue()[3]))
                .sorted((a, b) -> b.sendAt().compareTo(a.sendAt()))
                .limit(limit)
                .toList();
        return totals;
    }

    private static PayoutView payout(ResultSet rs, List<PayoutView.Step> timeline) throws SQLException {
        return new PayoutView(rs.getObject("payout_id", UUID.class), rs.getObject("mentor_id", UUID.class),
                rs.getLong("amount"), rs.getString("currency"), PayoutMethod.valueOf(rs.getString("method")),
                rs.getString("destination"), PayoutStatus.valueOf(rs.getString("status")),
                instant(rs, "requested_at"), instant(rs, "not_before"), rs.getObject("decided_by", UUID.class),
                instant(rs, "decided_at"), rs.getString("batch_id"), instant(rs, "send_at"), rs.getString("provider"),
                rs.getString("provider_payout_id"), rs.getString("utr"), rs.getString("reason"),
                instant(rs, "processed_at"), instant(rs, "updated_at"), timeline);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

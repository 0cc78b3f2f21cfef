package com.mrmentor.platform.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/admin/dashboard} (ADMIN): read from the ledger, booking and account read models. */
@RestController
@Tag(name = "Admin")
public class DashboardController {

    private static final int TREND_DAYS = 7;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DashboardController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/admin/dashboard")
    @Operation(summary = "Revenue (paise: gross, taxable, GST, refunded, net taxable); tokens sold, used, held and remaining; sessions by status; users total, active in 30 days "
            + "and new in 7 days; a 7-day trend (ADMIN)")
    public AdminDashboard dashboard() {
        Instant now = clock.instant();
        long gross = sum("SELECT SUM(amount) FROM payment_order_view WHERE paid_at IS NOT NULL");
        long taxable = sum("SELECT SUM(taxable_value) FROM payment_order_view WHERE paid_at IS NOT NULL");
        long refunded = sum("SELECT SUM(refund_amount) FROM payment_order_view WHERE refund_status = 'PROCESSED'");
        long refundedTaxable = sum("SELECT SUM(refund_amount * taxable_value / amount) FROM payment_order_view "
                + "WHERE refund_status = 'PROCESSED'");
        AdminDashboard.Revenue revenue = new AdminDashboard.Revenue(gross, taxable, gross - taxable, refunded,
                taxable - refundedTaxable, count("SELECT COUNT(*) FROM payment_order_view WHERE paid_at IS NOT NULL"));
        AdminDashboard.Tokens tokens = new AdminDashboard.Tokens(
                sum("SELECT SUM(amount) FROM token_ledger_entry WHERE entry_type = 'GRANT' AND category = 'PAID'"),
                sum("SELECT SUM(amount) FROM token_ledger_entry WHERE entry_type = 'GRANT' "
                        + "AND category = 'PROMOTIONAL'"),
                sum("SELECT SUM(amount) FROM token_ledger_entry WHERE entry_type = 'CAPTURE'"),
                sum("SELECT SUM(held) FROM token_account"),
                sum("SELECT SUM(balance) FROM token_account"));
        Map<String, Long> sessions = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM booking_view GROUP BY status ORDER BY status",
                rs -> { sessions.put(rs.getString(1), rs.getLong(2)); });
        AdminDashboard.Users users = new AdminDashboard.Users(
                count("SELECT COUNT(*) FROM user_account WHERE erased_at IS NULL"),
                count("SELECT COUNT(*) FROM user_account WHERE erased_at IS NULL AND last_sign_in_at >= ?",
                        now.minus(Duration.ofDays(30))),
                count("SELECT COUNT(*) FROM user_account WHERE erased_at IS NULL AND registered_at >= ?",
                        now.minus(Duration.ofDays(7))));
        List<AdminDashboard.Day> trend = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = today.minusDays(TREND_DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            trend.add(new AdminDashboard.Day(day,
                    count("SELECT COUNT(*) FROM user_account WHERE registered_at >= ? AND registered_at < ?", start, end),
                    count("SELECT COUNT(*) FROM booking_view WHERE requested_at >= ? AND requested_at < ?", start, end),
                    count("SELECT COUNT(*) FROM booking_view WHERE status = 'COMPLETED' AND ended_at >= ? "
                            + "AND ended_at < ?", start, end),
                    sum("SELECT SUM(amount) FROM token_ledger_entry WHERE entry_type = 'CAPTURE' AND occurred_at >= ? "
                            + "AND occurred_at < ?", start, end),
                    sum("SELECT SUM(amount) FROM payment_order_view WHERE paid_at >= ? AND paid_at < ?", start, end)));
        }
        return new AdminDashboard(now, revenue, tokens, sessions, users, trend);
    }

    private long sum(String sql, Instant... between) {
        Long value = jdbc.queryForObject(sql, Long.class, timestamps(between));
        return value == null ? 0 : value;
    }

    private long count(String sql, Instant... between) {
        return sum(sql, between);
    }

    private static Object[] timestamps(Instant... instants) {
        Object[] values = new Object[instants.length];
        for (int i = 0; i < instants.length; i++) {
            values[i] = Timestamp.from(instants[i]);
        }
        return values;
    }
}

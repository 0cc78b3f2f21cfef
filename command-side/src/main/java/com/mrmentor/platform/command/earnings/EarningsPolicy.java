package com.mrmentor.platform.command.earnings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code platform.earnings.*}: what a mentor earns of a session. A session's value is its captured tokens × the token
 * price ({@code platform.payments.token-price}, before GST); the platform keeps {@code commissionBps} of it and
 * withholds TDS under section 194-O at {@code tdsBps} once the mentor's gross in the Indian financial year (April to
 * March) exceeds {@code tdsThreshold}. The rest stays pending for {@code holdPeriod} after the session's end.
 *
 * @param commissionBps platform commission in basis points (2000 = 20 %)
 * @param tdsBps        TDS rate in basis points (10 = 0.1 %); 0 turns TDS off
 * @param tdsThreshold  gross paise per financial year up to which no TDS is withheld (₹5 lakh)
 * @param holdPeriod    how long an earning stays pending after its session ended (disputes, late refunds)
 */
@ConfigurationProperties("platform.earnings")
public record EarningsPolicy(@DefaultValue("2000") int commissionBps,
                             @DefaultValue("10") int tdsBps,
                             @DefaultValue("50000000") long tdsThreshold,
                             @DefaultValue("P7D") Duration holdPeriod) {

    /** The financial year is counted in India's time. */
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    public EarningsPolicy {
        if (commissionBps < 0 || commissionBps > 10_000) {
            throw new IllegalArgumentException("platform.earnings.commission-bps must be 0–10000");
        }
        if (tdsBps < 0 || tdsBps > 10_000) {
            throw new IllegalArgumentException("platform.earnings.tds-bps must be 0–10000");
        }
        if (tdsThreshold < 0 || holdPeriod == null || holdPeriod.isNegative()) {
            throw new IllegalArgumentException("platform.earnings tds-threshold and hold-period must not be negative");
        }
    }

    public static EarningsPolicy defaults() {
        return new EarningsPolicy(2000, 10, 50_000_000L, Duration.ofDays(7));
    }

    /** {@code amount × bps / 10 000}, rounded half up to the paisa. */
    static long share(long amount, int bps) {
        return (Math.multiplyExact(amount, bps) + 5_000) / 10_000;
    }

    /** The Indian financial year (its starting calendar year) of {@code at}. */
    static int financialYear(Instant at) {
        var date = at.atZone(INDIA).toLocalDate();
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }
}

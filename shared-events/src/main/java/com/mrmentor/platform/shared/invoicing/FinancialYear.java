package com.mrmentor.platform.shared.invoicing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** India's financial year, April to March, written as in document numbers: {@code 26-27} for 2026-04-01…2027-03-31. */
public final class FinancialYear {

    /** Documents are dated in India's time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private FinancialYear() {
    }

    /** The date in India at {@code instant}. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The financial year {@code date} falls in. */
    public static String of(LocalDate date) {
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return String.format("%02d-%02d", start % 100, (start + 1) % 100);
    }

    /** The first day of the financial year {@code date} falls in. */
    public static LocalDate start(LocalDate date) {
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return LocalDate.of(start, 4, 1);
    }
}

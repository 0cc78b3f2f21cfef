package com.mrmentor.platform.command.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The CRM's numbers.
 *
 * @param firstContactSla      how long (of working time) the assigned rep has for first contact
 * @param zone                 the sales team's time zone: working hours and the day of daily capacities
 * @param workingDayStart      start of working hours
 * @param workingDayEnd        end of working hours; equal to the start: round the clock
 * @param workingDays          the working days
 * @param defaultDailyCapacity a rep's daily capacity until a sales head sets one
 * @param approvalThreshold    a SALES_HEAD or ADMIN assigns up to this many leads at once directly; more need approval
 * @param approvalTimeout      an undecided bulk request lapses this long after it was made
 * @param defaultCountryCode   the calling code of phone numbers given without one (India: 91)
 * @param formsPerIp           website-form submissions allowed per client address within {@code formWindow}
 * @param formWindow           the window of {@code formsPerIp}
 */
@ConfigurationProperties("platform.crm")
public record CrmPolicy(@DefaultValue("PT15M") Duration firstContactSla,
                        @DefaultValue("Asia/Kolkata") ZoneId zone,
                        @DefaultValue("09:00") LocalTime workingDayStart,
                        @DefaultValue("19:00") LocalTime workingDayEnd,
                        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"})
                        Set<DayOfWeek> workingDays,
                        @DefaultValue("50") int defaultDailyCapacity,
                        @DefaultValue("20") int approvalThreshold,
                        @DefaultValue("PT48H") Duration approvalTimeout,
                        @DefaultValue("91") String defaultCountryCode,
                        @DefaultValue("5") int formsPerIp,
                        @DefaultValue("PT10M") Duration formWindow) {

    /** The defaults, for tests. */
    public static CrmPolicy defaults() {
        return new CrmPolicy(Duration.ofMinutes(15), ZoneId.of("Asia/Kolkata"), LocalTime.of(9, 0),
                LocalTime.of(19, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), 50, 20, Duration.ofHours(48),
                "91", 5, Duration.ofMinutes(10));
    }

    /** The working day (in the team's zone) that {@code instant} falls on, for daily capacities. */
    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * When first contact is due for a lead assigned at {@code assignedAt}: {@link #firstContactSla} of working time,
     * so a lead assigned in the evening is due shortly after the next working day opens.
     */
    public Instant firstContactDue(Instant assignedAt) {
        Duration remaining = firstContactSla;
        ZonedDateTime t = assignedAt.atZone(zone);
        for (int guard = 0; guard < 400 && !remaining.isZero() && !remaining.isNegative(); guard++) {
            ZonedDateTime[] window = window(t.toLocalDate());
            if (window == null || !t.isBefore(window[1])) {
                t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
                continue;
            }
            if (t.isBefore(window[0])) {
                t = window[0];
            }
            Duration available = Duration.between(t, window[1]);
            Duration step = available.compareTo(remaining) < 0 ? available : remaining;
            t = t.plus(step);
            remaining = remaining.minus(step);
        }
        return t.toInstant();
    }

    /** The working window of {@code date}, or null on a day off. */
    private ZonedDateTime[] window(LocalDate date) {
        if (!workingDays.contains(date.getDayOfWeek())) {
            return null;
        }
        ZonedDateTime start = date.atTime(workingDayStart).atZone(zone);
        ZonedDateTime end = workingDayEnd.equals(workingDayStart) || workingDayEnd.equals(LocalTime.MIDNIGHT)
                ? date.plusDays(1).atStartOfDay(zone) : date.atTime(workingDayEnd).atZone(zone);
        if (workingDayEnd.equals(workingDayStart)) {
            start = date.atStartOfDay(zone);
        }
        return new ZonedDateTime[]{start, end};
    }
}

package com.mrmentor.platform.shared.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A mentor's availability: weekly windows plus per-date replacements, in the mentor's IANA time zone, and the
 * sessions it offers (fixed length, optional buffer after each).
 *
 * <p>Slots are laid out on the wall clock of the mentor's zone, window by window: a window 09:00–11:00 with 30-minute
 * sessions and a 10-minute buffer offers 09:00, 09:40 and 10:20. Across daylight-saving changes each offered
 * wall-clock time maps to the instant it has that day: on the day clocks go forward a local time that does not exist
 * is skipped, and so is one that would cut into the previous session's buffer; on the day they go back a local time
 * that occurs twice is offered once, at its first occurrence.
 * Shared by the query side (listing slots) and the command side (checking a requested start), so that both agree.
 *
 * @param zone            the mentor's time zone
 * @param weekly          recurring windows
 * @param dates           per-date windows replacing the weekly ones (an empty list blocks the date)
 * @param sessionLength   the length of a session
 * @param buffer          free time kept after each session
 */
public record AvailabilitySchedule(ZoneId zone, List<WeeklyWindow> weekly, Map<LocalDate, List<TimeWindow>> dates,
                                   Duration sessionLength, Duration buffer) {

    public AvailabilitySchedule {
        weekly = List.copyOf(weekly);
        dates = Map.copyOf(dates);
    }

    /** A free session: {@code start} inclusive, {@code end} exclusive. */
    public record Slot(Instant start, Instant end) {

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    /** A time the mentor is already taken (a booking), {@code start} inclusive, {@code end} exclusive. */
    public record Busy(Instant start, Instant end) {
    }

    /**
     * The slots starting in {@code [from, to)} that start no earlier than {@code earliest}, no later than
     * {@code latest}, and overlap no {@code busy} time, in order.
     */
    public List<Slot> slots(Instant from, Instant to, Instant earliest, Instant latest, Collection<Busy> busy) {
        Instant lower = from.isAfter(earliest) ? from : earliest;
        Instant upperExclusive = to;
        List<Slot> slots = new ArrayList<>();
        if (!lower.isBefore(upperExclusive)) {
            return slots;
        }
        LocalDate first = lower.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = upperExclusive.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (TimeWindow window : windowsOn(date)) {
                addSlots(date, window, slots);
            }
        }
        return slots.stream()
                .filter(slot -> !slot.start().isBefore(lower) && slot.start().isBefore(upperExclusive))
                .filter(slot -> !slot.start().isAfter(latest))
                .filter(slot -> busy.stream().noneMatch(b -> slot.overlaps(b.start(), b.end())))
                .distinct()
                .sorted(Comparator.comparing(Slot::start))
                .toList();
    }

    /** Whether a session may start at {@code start} (one of the schedule's slots on that day). */
    public boolean offers(Instant start) {
        LocalDate date = start.atZone(zone).toLocalDate();
        List<Slot> candidates = new ArrayList<>();
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            for (TimeWindow window : windowsOn(d)) {
                addSlots(d, window, candidates);
            }
        }
        return candidates.stream().anyMatch(slot -> slot.start().equals(start));
    }

    /** The windows that apply on {@code date}: its replacement if it has one, else the weekday's windows. */
    public List<TimeWindow> windowsOn(LocalDate date) {
        List<TimeWindow> replacement = dates.get(date);
        if (replacement != null) {
            return replacement;
        }
        return weekly.stream().filter(w -> w.day() == date.getDayOfWeek())
                .map(w -> new TimeWindow(w.start(), w.end())).toList();
    }

    private void addSlots(LocalDate date, TimeWindow window, List<Slot> into) {
        Duration step = sessionLength.plus(buffer);
        LocalDateTime end = date.atTime(window.end());
        if (window.end().equals(LocalTime.MIDNIGHT)) {
            end = date.plusDays(1).atStartOfDay(); // a window may run until midnight
        }
        Instant free = null; // when the previous session and its buffer are over
        for (LocalDateTime local = date.atTime(window.start()); !local.plus(sessionLength).isAfter(end);
             local = local.plus(step)) {
            ZonedDateTime zoned = local.atZone(zone); // earlier offset in an overlap
            if (!zoned.toLocalDateTime().equals(local)) {
                continue; // the wall-clock time does not exist that day (clocks went forward)
            }
            Instant start = zoned.toInstant();
            if (free != null && start.isBefore(free)) {
                continue; // after clocks went forward the wall clock ran ahead: keep the previous session's buffer
            }
            into.add(new Slot(start, start.plus(sessionLength)));
            free = start.plus(sessionLength).plus(buffer);
        }
    }
}

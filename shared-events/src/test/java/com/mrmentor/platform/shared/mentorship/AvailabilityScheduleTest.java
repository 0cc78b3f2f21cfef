package com.mrmentor.platform.shared.mentorship;

import com.mrmentor.platform.shared.mentorship.AvailabilitySchedule.Busy;
import com.mrmentor.platform.shared.mentorship.AvailabilitySchedule.Slot;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** Slots from weekly windows, per-date replacements, buffer, notice, horizon and busy times, across DST changes. */
class AvailabilityScheduleTest {

    private static final Duration SESSION = Duration.ofMinutes(30);
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday 2026-03-02, far from any DST change in Berlin or UTC. */
    private static final LocalDate A_MONDAY = LocalDate.of(2026, 3, 2);

    // ---- laying out slots ----------------------------------------------------------------------------------------

    @Test
    void aWindowIsCutIntoBackToBackSessionsThatFitIt() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        assertThat(starts(slots(schedule, A_MONDAY, UTC)))
                .containsExactly(at("2026-03-02T09:00:00Z"), at("2026-03-02T09:30:00Z"), at("2026-03-02T10:00:00Z"),
                                 at("2026-03-02T10:30:00Z"));
    }

    @Test
    void eachSlotLastsOneSession() {
        AvailabilitySchedule schedule = weekly(UTC, 10, window(MONDAY, "09:00", "10:00"));

        assertThat(slots(schedule, A_MONDAY, UTC))
                .containsExactly(new Slot(at("2026-03-02T09:00:00Z"), at("2026-03-02T09:30:00Z")));
    }

    @Test
    void aBufferIsKeptAfterEachSession() {
        AvailabilitySchedule schedule = weekly(UTC, 10, window(MONDAY, "09:00", "11:00"));

        assertThat(starts(slots(schedule, A_MONDAY, UTC)))
                .containsExactly(at("2026-03-02T09:00:00Z"), at("2026-03-02T09:40:00Z"), at("2026-03-02T10:20:00Z"));
    }

    @Test
    void aWindowShorterThanTwoSessionsOffersOne() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "09:59"));

        assertThat(starts(slots(schedule, A_MONDAY, UTC))).containsExactly(at("2026-03-02T09:00:00Z"));
    }

    @Test
    void windowsApplyOnTheirWeekdayEveryWeekInTheMentorsZone() {
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(MONDAY, "09:00", "10:00"),
                                               window(FRIDAY, "17:00", "17:30"));

        List<Slot> slots = schedule.slots(at("2026-03-01T00:00:00Z"), at("2026-03-15T00:00:00Z"),
                                          Instant.MIN, Instant.MAX, List.of());

        assertThat(starts(slots)).containsExactly(
                at("2026-03-02T08:00:00Z"), at("2026-03-02T08:30:00Z"),   // Monday 09:00 and 09:30 CET (+01:00)
                at("2026-03-06T16:00:00Z"),                               // Friday 17:00 CET
                at("2026-03-09T08:00:00Z"), at("2026-03-09T08:30:00Z"),
                at("2026-03-13T16:00:00Z"));
    }

    @Test
    void aWindowMayRunUntilMidnight() {
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(MONDAY, "23:00", "00:00"));

        assertThat(starts(slots(schedule, A_MONDAY, BERLIN)))
                .containsExactly(at("2026-03-02T22:00:00Z"), at("2026-03-02T22:30:00Z"));
        assertThat(slots(schedule, A_MONDAY.plusDays(1), BERLIN)).isEmpty();
    }

    @Test
    void aWholeDayWindowOffersFortyEightSessions() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "00:00", "00:00"));

        List<Slot> slots = slots(schedule, A_MONDAY, UTC);

        assertThat(slots).hasSize(48);
        assertThat(slots.get(0).start()).isEqualTo(at("2026-03-02T00:00:00Z"));
        assertThat(slots.get(47)).isEqualTo(new Slot(at("2026-03-02T23:30:00Z"), at("2026-03-03T00:00:00Z")));
    }

    @Test
    void slotsOfAnEveningInTheMentorsZoneMayFallOnTheNextUtcDay() {
        AvailabilitySchedule schedule = weekly(NEW_YORK, 0, window(MONDAY, "21:00", "22:00"));

        List<Slot> slots = schedule.slots(at("2026-03-03T00:00:00Z"), at("2026-03-04T00:00:00Z"), Instant.MIN,
                                          Instant.MAX, List.of());

        assertThat(starts(slots)).containsExactly(at("2026-03-03T02:00:00Z"), at("2026-03-03T02:30:00Z"));
    }

    @Test
    void onlySlotsStartingInTheRequestedRangeAreListed() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        List<Slot> slots = schedule.slots(at("2026-03-02T09:30:00Z"), at("2026-03-02T10:30:00Z"), Instant.MIN,
                                          Instant.MAX, List.of());

        assertThat(starts(slots)).containsExactly(at("2026-03-02T09:30:00Z"), at("2026-03-02T10:00:00Z"));
    }

    @Test
    void anEmptyRangeHasNoSlots() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        assertThat(schedule.slots(at("2026-03-02T10:00:00Z"), at("2026-03-02T10:00:00Z"), Instant.MIN,
                                  Instant.MAX, List.of())).isEmpty();
        assertThat(schedule.slots(at("2026-03-02T11:00:00Z"), at("2026-03-02T09:00:00Z"), Instant.MIN,
                                  Instant.MAX, List.of())).isEmpty();
    }

    // ---- per-date replacements -----------------------------------------------------------------------------------

    @Test
    void aDatesWindowsReplaceTheWeeklyOnesOnThatDateOnly() {
        AvailabilitySchedule schedule = new AvailabilitySchedule(UTC, List.of(window(MONDAY, "09:00", "10:00")),
                Map.of(A_MONDAY, List.of(new TimeWindow(LocalTime.of(14, 0), LocalTime.of(15, 0)))), SESSION,
                Duration.ZERO);

        assertThat(starts(slots(schedule, A_MONDAY, UTC)))
                .containsExactly(at("2026-03-02T14:00:00Z"), at("2026-03-02T14:30:00Z"));
        assertThat(starts(slots(schedule, A_MONDAY.plusWeeks(1), UTC)))
                .containsExactly(at("2026-03-09T09:00:00Z"), at("2026-03-09T09:30:00Z"));
    }

    @Test
    void aDateWithoutWindowsIsBlocked() {
        AvailabilitySchedule schedule = new AvailabilitySchedule(UTC, List.of(window(MONDAY, "09:00", "10:00")),
                Map.of(A_MONDAY, List.of()), SESSION, Duration.ZERO);

        assertThat(slots(schedule, A_MONDAY, UTC)).isEmpty();
        assertThat(schedule.windowsOn(A_MONDAY)).isEmpty();
        assertThat(slots(schedule, A_MONDAY.plusWeeks(1), UTC)).hasSize(2);
    }

    @Test
    void aDateMayAddHoursOnADayWithoutWeeklyWindows() {
        LocalDate tuesday = A_MONDAY.plusDays(1);
        AvailabilitySchedule schedule = new AvailabilitySchedule(UTC, List.of(window(MONDAY, "09:00", "10:00")),
                Map.of(tuesday, List.of(new TimeWindow(LocalTime.of(7, 0), LocalTime.of(8, 0)),
                                        new TimeWindow(LocalTime.of(20, 0), LocalTime.of(20, 30)))),
                SESSION, Duration.ZERO);

        assertThat(starts(slots(schedule, tuesday, UTC)))
                .containsExactly(at("2026-03-03T07:00:00Z"), at("2026-03-03T07:30:00Z"), at("2026-03-03T20:00:00Z"));
        assertThat(schedule.windowsOn(tuesday.plusWeeks(1))).isEmpty();
    }

    // ---- notice, horizon, busy times -----------------------------------------------------------------------------

    @Test
    void slotsBeforeTheEarliestStartAreLeftOut() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        List<Slot> slots = schedule.slots(dayStart(A_MONDAY, UTC), dayStart(A_MONDAY.plusDays(1), UTC),
                                          at("2026-03-02T09:45:00Z"), Instant.MAX, List.of());

        assertThat(starts(slots)).containsExactly(at("2026-03-02T10:00:00Z"), at("2026-03-02T10:30:00Z"));
    }

    @Test
    void aSlotStartingAtTheEarliestStartIsListed() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        List<Slot> slots = schedule.slots(dayStart(A_MONDAY, UTC), dayStart(A_MONDAY.plusDays(1), UTC),
                                          at("2026-03-02T10:00:00Z"), Instant.MAX, List.of());

        assertThat(starts(slots)).containsExactly(at("2026-03-02T10:00:00Z"), at("2026-03-02T10:30:00Z"));
    }

    @Test
    void slotsAfterTheLatestStartAreLeftOutButOneStartingAtItIsListed() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        List<Slot> slots = schedule.slots(dayStart(A_MONDAY, UTC), dayStart(A_MONDAY.plusDays(1), UTC),
                                          Instant.MIN, at("2026-03-02T09:30:00Z"), List.of());

        assertThat(starts(slots)).containsExactly(at("2026-03-02T09:00:00Z"), at("2026-03-02T09:30:00Z"));
    }

    @Test
    void busyTimesRemoveTheSlotsTheyOverlap() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        List<Slot> slots = schedule.slots(dayStart(A_MONDAY, UTC), dayStart(A_MONDAY.plusDays(1), UTC), Instant.MIN,
                                          Instant.MAX, List.of(new Busy(at("2026-03-02T09:15:00Z"),
                                                                        at("2026-03-02T09:45:00Z"))));

        assertThat(starts(slots)).containsExactly(at("2026-03-02T10:00:00Z"), at("2026-03-02T10:30:00Z"));
    }

    @Test
    void busyTimesThatOnlyTouchASlotLeaveIt() {
        AvailabilitySchedule schedule = weekly(UTC, 0, window(MONDAY, "09:00", "11:00"));

        List<Slot> slots = schedule.slots(dayStart(A_MONDAY, UTC), dayStart(A_MONDAY.plusDays(1), UTC), Instant.MIN,
                                          Instant.MAX, List.of(new Busy(at("2026-03-02T09:30:00Z"),
                                                                        at("2026-03-02T10:00:00Z"))));

        assertThat(starts(slots)).containsExactly(at("2026-03-02T09:00:00Z"), at("2026-03-02T10:00:00Z"),
                                                  at("2026-03-02T10:30:00Z"));
    }

    // ---- offers --------------------------------------------------------------------------------------------------

    @Test
    void aSlotsStartIsOfferedAndAMomentOffTheGridIsNot() {
        AvailabilitySchedule schedule = weekly(BERLIN, 10, window(MONDAY, "09:00", "11:00"));

        assertThat(schedule.offers(at("2026-03-02T08:00:00Z"))).isTrue();   // 09:00 CET
        assertThat(schedule.offers(at("2026-03-02T08:40:00Z"))).isTrue();   // 09:40 CET
        assertThat(schedule.offers(at("2026-03-02T08:45:00Z"))).isFalse();  // five minutes later
        assertThat(schedule.offers(at("2026-03-02T08:30:00Z"))).isFalse();  // inside the buffer grid
        assertThat(schedule.offers(at("2026-03-02T10:00:00Z"))).isFalse();  // 11:00 CET: the window is over
        assertThat(schedule.offers(at("2026-03-03T08:00:00Z"))).isFalse();  // Tuesday
    }

    @Test
    void offersFollowsPerDateReplacements() {
        AvailabilitySchedule schedule = new AvailabilitySchedule(UTC, List.of(window(MONDAY, "09:00", "10:00")),
                Map.of(A_MONDAY, List.of()), SESSION, Duration.ZERO);

        assertThat(schedule.offers(at("2026-03-02T09:00:00Z"))).isFalse();
        assertThat(schedule.offers(at("2026-03-09T09:00:00Z"))).isTrue();
    }

    @Test
    void offersAgreesWithTheListedSlotsAcrossAWeekInAFarZone() {
        AvailabilitySchedule schedule = weekly(ZoneId.of("Pacific/Kiritimati"), 5,
                                               window(MONDAY, "22:00", "00:00"), window(DayOfWeek.TUESDAY, "00:00",
                                                                                         "02:00"));
        Instant from = at("2026-03-01T00:00:00Z");
        List<Slot> slots = schedule.slots(from, from.plus(Duration.ofDays(8)), Instant.MIN, Instant.MAX, List.of());

        assertThat(slots).isNotEmpty();
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(8))); t = t.plus(Duration.ofMinutes(5))) {
            Instant start = t;
            assertThat(schedule.offers(start)).as("offers %s", start)
                    .isEqualTo(slots.stream().anyMatch(s -> s.start().equals(start)));
        }
    }

    // ---- daylight saving -----------------------------------------------------------------------------------------

    @Test
    void whenBerlinsClocksGoForwardTheMissingHourOffersNothing() {
        LocalDate changeDay = LocalDate.of(2026, 3, 29);   // Sunday: 02:00 CET becomes 03:00 CEST
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(SUNDAY, "01:00", "04:00"));

        List<Slot> slots = slots(schedule, changeDay, BERLIN);

        assertThat(slots).containsExactly(
                new Slot(at("2026-03-29T00:00:00Z"), at("2026-03-29T00:30:00Z")),   // 01:00 +01:00
                new Slot(at("2026-03-29T00:30:00Z"), at("2026-03-29T01:00:00Z")),   // 01:30 +01:00
                new Slot(at("2026-03-29T01:00:00Z"), at("2026-03-29T01:30:00Z")),   // 03:00 +02:00
                new Slot(at("2026-03-29T01:30:00Z"), at("2026-03-29T02:00:00Z")));  // 03:30 +02:00
        assertThat(slots).extracting(slot -> slot.start().atZone(BERLIN).toLocalTime())
                .containsExactly(LocalTime.of(1, 0), LocalTime.of(1, 30), LocalTime.of(3, 0), LocalTime.of(3, 30));
        assertThat(schedule.offers(at("2026-03-29T01:00:00Z"))).isTrue();
        assertThat(schedule.offers(at("2026-03-29T02:00:00Z"))).isFalse();   // 04:00: the window is over
    }

    @Test
    void theWeekBeforeAndAfterBerlinsChangeKeepsTheWallClockTime() {
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(SUNDAY, "10:00", "10:30"));

        List<Slot> slots = schedule.slots(at("2026-03-21T00:00:00Z"), at("2026-04-06T00:00:00Z"), Instant.MIN,
                                          Instant.MAX, List.of());

        assertThat(starts(slots)).containsExactly(at("2026-03-22T09:00:00Z"),   // 10:00 CET
                                                  at("2026-03-29T08:00:00Z"),   // 10:00 CEST
                                                  at("2026-04-05T08:00:00Z"));
    }

    @Test
    void whenBerlinsClocksGoBackTheRepeatedHourIsOfferedOnceAtItsFirstOccurrence() {
        LocalDate changeDay = LocalDate.of(2026, 10, 25);   // Sunday: 03:00 CEST becomes 02:00 CET
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(SUNDAY, "01:00", "03:00"));

        List<Slot> slots = slots(schedule, changeDay, BERLIN);

        assertThat(slots).containsExactly(
                new Slot(at("2026-10-24T23:00:00Z"), at("2026-10-24T23:30:00Z")),   // 01:00 +02:00
                new Slot(at("2026-10-24T23:30:00Z"), at("2026-10-25T00:00:00Z")),   // 01:30 +02:00
                new Slot(at("2026-10-25T00:00:00Z"), at("2026-10-25T00:30:00Z")),   // 02:00 +02:00 (first)
                new Slot(at("2026-10-25T00:30:00Z"), at("2026-10-25T01:00:00Z")));  // 02:30 +02:00 (first)
        assertThat(slots).extracting(slot -> slot.start().atZone(BERLIN).getOffset())
                .containsOnly(ZoneOffset.ofHours(2));
        assertThat(schedule.offers(at("2026-10-25T00:00:00Z"))).isTrue();
        assertThat(schedule.offers(at("2026-10-25T01:00:00Z"))).isFalse();   // 02:00 +01:00, the second 02:00
        assertThat(schedule.offers(at("2026-10-25T01:30:00Z"))).isFalse();   // 02:30 +01:00
    }

    @Test
    void aWindowAfterBerlinsFallBackUsesTheWinterOffset() {
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(SUNDAY, "03:00", "04:00"));

        assertThat(starts(slots(schedule, LocalDate.of(2026, 10, 25), BERLIN)))
                .containsExactly(at("2026-10-25T02:00:00Z"), at("2026-10-25T02:30:00Z"));
    }

    @Test
    void whenNewYorksClocksGoForwardTheMissingHourOffersNothing() {
        LocalDate changeDay = LocalDate.of(2026, 3, 8);   // Sunday: 02:00 EST becomes 03:00 EDT
        AvailabilitySchedule schedule = weekly(NEW_YORK, 0, window(SUNDAY, "01:00", "04:00"),
                                               window(SUNDAY, "09:00", "09:30"));

        assertThat(starts(slots(schedule, changeDay, NEW_YORK))).containsExactly(
                at("2026-03-08T06:00:00Z"),    // 01:00 -05:00
                at("2026-03-08T06:30:00Z"),    // 01:30 -05:00
                at("2026-03-08T07:00:00Z"),    // 03:00 -04:00
                at("2026-03-08T07:30:00Z"),    // 03:30 -04:00
                at("2026-03-08T13:00:00Z"));   // 09:00 -04:00
        assertThat(starts(slots(schedule, changeDay.minusWeeks(1), NEW_YORK)))
                .contains(at("2026-03-01T14:00:00Z"));   // 09:00 -05:00 a week earlier
    }

    @Test
    void theBufferIsKeptWhenTheWallClockJumpsForward() {
        LocalDate changeDay = LocalDate.of(2026, 3, 8);
        AvailabilitySchedule schedule = weekly(NEW_YORK, 15, window(SUNDAY, "01:00", "04:00"));

        // wall clock 01:00, 01:45 (ends 03:15 EDT), 02:30 does not exist, 03:15 would start with no buffer
        assertThat(starts(slots(schedule, changeDay, NEW_YORK))).containsExactly(
                at("2026-03-08T06:00:00Z"), at("2026-03-08T06:45:00Z"));
        assertThat(schedule.offers(at("2026-03-08T07:15:00Z"))).isFalse();
    }

    @Test
    void withoutBufferSessionsAroundTheMissingHourTouch() {
        LocalDate changeDay = LocalDate.of(2026, 3, 8);
        AvailabilitySchedule schedule = weekly(NEW_YORK, 0, window(SUNDAY, "01:45", "04:00"));

        // 01:45 EST ends at 03:15 EDT; 02:15 and 02:45 do not exist; 03:45 would end after 04:00
        assertThat(slots(schedule, changeDay, NEW_YORK)).containsExactly(
                new Slot(at("2026-03-08T06:45:00Z"), at("2026-03-08T07:15:00Z")),
                new Slot(at("2026-03-08T07:15:00Z"), at("2026-03-08T07:45:00Z")));
    }

    @Test
    void aWindowRunningUntilMidnightOnTheDayBerlinFallsBack() {
        AvailabilitySchedule schedule = weekly(BERLIN, 0, window(SUNDAY, "23:00", "00:00"));

        assertThat(starts(slots(schedule, LocalDate.of(2026, 10, 25), BERLIN)))
                .containsExactly(at("2026-10-25T22:00:00Z"), at("2026-10-25T22:30:00Z"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static AvailabilitySchedule weekly(ZoneId zone, int bufferMinutes, WeeklyWindow... windows) {
        return new AvailabilitySchedule(zone, List.of(windows), Map.of(), SESSION, Duration.ofMinutes(bufferMinutes));
    }

    private static WeeklyWindow window(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    /** The slots of {@code date} in {@code zone}, with no notice, horizon or busy time. */
    private static List<Slot> slots(AvailabilitySchedule schedule, LocalDate date, ZoneId zone) {
        return schedule.slots(dayStart(date, zone), dayStart(date.plusDays(1), zone), Instant.MIN, Instant.MAX,
                              List.of());
    }

    private static Instant dayStart(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static List<Instant> starts(Collection<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}

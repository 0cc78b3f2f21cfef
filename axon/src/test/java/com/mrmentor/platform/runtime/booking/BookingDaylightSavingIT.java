package com.mrmentor.platform.runtime.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.MentorApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mentor's weekly 09:00–12:00 is 09:00 on the mentor's wall clock on both sides of a daylight-saving change, so the
 * two sessions start an hour apart in UTC time of day.
 *
 * <p>Which change: the next one of Europe/Berlin, America/New_York, Australia/Sydney or America/Santiago that lies
 * within the booking horizon (30 days) from the real date. When none does (from late November to early March, no
 * zone of the world changes), the platform clock is moved to a week before Europe/Berlin's next change, which makes
 * that change bookable; sign-in, availability and the booking rules all take "now" from that clock, and the
 * deadlines it schedules fall far in the future, so nothing else notices.
 */
class BookingDaylightSavingIT extends BookingTestSupport {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Sydney",
            "America/Santiago");

    @Test
    void nineOClockOnBothSidesOfAClockChangeIsNineOClockLocalAndOneHourApartInUtc() {
        String admin = admin();
        Instant now = Instant.now();
        Optional<ZoneOffsetTransition[]> withinHorizon = ZONES.stream()
                .map(z -> new ZoneOffsetTransition[]{ZoneId.of(z).getRules().nextTransition(now)})
                .filter(t -> t[0] != null && t[0].getInstant().isAfter(now.plus(Duration.ofDays(2)))
                        && t[0].getInstant().isBefore(now.plus(Duration.ofDays(27))))
                .findFirst();
        String zone = withinHorizon.map(t -> ZONES.stream()
                .filter(z -> t[0].equals(ZoneId.of(z).getRules().nextTransition(now))).findFirst().orElseThrow())
                .orElse("Europe/Berlin");
        ZoneId zoneId = ZoneId.of(zone);
        ZoneOffsetTransition change = zoneId.getRules().nextTransition(now);

        Person mentor = bookings().newMentor("dst-mentor", admin, zone, 0);
        assertThat(mentors().setWeekly(mentor.token(), MentorApi.everyDay("09:00", "12:00"), 0).status())
                .isEqualTo(204);
        Person student = student(admin);
        Person other = student(admin);
        if (withinHorizon.isEmpty()) {
            clock.travelTo(change.getInstant().minus(Duration.ofDays(7)));
        }

        LocalDate dayBefore = change.getInstant().atZone(zoneId).toLocalDate().minusDays(1);
        LocalDate dayAfter = change.getInstant().atZone(zoneId).toLocalDate().plusDays(1);
        Instant nineBefore = dayBefore.atTime(LocalTime.of(9, 0)).atZone(zoneId).toInstant();
        Instant nineAfter = dayAfter.atTime(LocalTime.of(9, 0)).atZone(zoneId).toInstant();
        // the offsets differ by an hour, so 09:00 local is an hour earlier or later in UTC after the change
        Duration offsetChange = Duration.ofSeconds(change.getOffsetAfter().getTotalSeconds()
                - change.getOffsetBefore().getTotalSeconds());
        assertThat(offsetChange.abs()).isEqualTo(Duration.ofHours(1));
        assertThat(Duration.between(nineBefore, nineAfter)).isEqualTo(Duration.ofDays(2).minus(offsetChange));

        Response slots = mentors().slots(null, mentor.id(), nineBefore.minus(Duration.ofHours(12)),
                nineAfter.plus(Duration.ofHours(12)), null);
        assertThat(slots.status()).as("%s", slots).isEqualTo(200);
        assertThat(MentorApi.starts(slots.body())).contains(nineBefore, nineAfter);

        UUID before = bookings().book(student, mentor, nineBefore);
        UUID after = bookings().book(student, mentor, nineAfter);
        assertProblem(bookings().request(other.token(), mentor.id(), nineAfter.plus(Duration.ofMinutes(15)),
                "Quarter past"), 409, "slot-unavailable");
        assertProblem(bookings().request(other.token(), mentor.id(), nineBefore.minus(Duration.ofHours(1)),
                "Outside the window"), 409, "slot-unavailable");

        JsonNode first = bookings().awaitStatus(student.token(), before, "REQUESTED");
        JsonNode second = bookings().awaitStatus(student.token(), after, "REQUESTED");
        assertThat(Instant.parse(first.get("start").asText())).isEqualTo(nineBefore);
        assertThat(Instant.parse(second.get("start").asText())).isEqualTo(nineAfter);
        assertThat(first.get("mentorTimeZone").asText()).isEqualTo(zone);
        assertThat(Instant.parse(first.get("start").asText()).atZone(zoneId).toLocalTime())
                .isEqualTo(LocalTime.of(9, 0));
        assertThat(Instant.parse(second.get("start").asText()).atZone(zoneId).toLocalTime())
                .isEqualTo(LocalTime.of(9, 0));
        BookingApi.awaitMail(mailbox(), mentor.email(), "New session request");
    }
}

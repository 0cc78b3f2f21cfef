package com.mrmentor.platform.runtime.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IcsCalendarTest {

    private static final UUID BOOKING = UUID.fromString("0b7e5f0e-6d1c-4a57-9a39-8c5e2b0d9f11");

    @Test
    void anInvitationNamesTheBookingAsUidWithItsSequenceAndUtcTimes() {
        String ics = IcsCalendar.session("REQUEST", BOOKING, 2, Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-23T09:30:00Z"), Instant.parse("2026-11-21T08:00:00Z"), "no-reply@mentor.local",
                "Mentor Platform session", "https://meet.mentor.local/room/abc");

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("\r\n")).contains("METHOD:REQUEST", "UID:" + BOOKING + "@mentor-platform", "SEQUENCE:2",
                "DTSTART:20261123T090000Z", "DTEND:20261123T093000Z", "DTSTAMP:20261121T080000Z",
                "STATUS:CONFIRMED", "ORGANIZER:mailto:no-reply@mentor.local");
        assertThat(ics).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
    }

    @Test
    void aCancellationIsCancelled() {
        String ics = IcsCalendar.session("CANCEL", BOOKING, 1, Instant.parse("2026-11-23T09:00:00Z"),
                Instant.parse("2026-11-23T09:30:00Z"), Instant.parse("2026-11-21T08:00:00Z"), "a@b.c", "s", null);

        assertThat(ics.split("\r\n")).contains("METHOD:CANCEL", "STATUS:CANCELLED").noneMatch(l -> l.startsWith("URL"));
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedAt75Octets() {
        assertThat(IcsCalendar.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
        String line = "DESCRIPTION:" + "x".repeat(200);
        String folded = IcsCalendar.fold(line);
        for (String physical : folded.split("\r\n")) {
            assertThat(physical.length()).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
    }
}

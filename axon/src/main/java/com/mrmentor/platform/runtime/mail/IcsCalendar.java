package com.mrmentor.platform.runtime.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the iCalendar entry (RFC 5545, methods of RFC 5546) of one session: the UID is the booking id, so every
 * update and the cancellation replace the same entry in the attendee's calendar, and SEQUENCE orders them. Times are
 * UTC; lines end in CRLF and are folded at 75 octets; text values are escaped.
 */
public final class IcsCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String DOMAIN = "mentor-platform";

    private IcsCalendar() {
    }

    /** The entry for a booking; {@code method} REQUEST (invite or update) or CANCEL. */
    public static String session(String method, UUID bookingId, int sequence, Instant start, Instant end,
                                 Instant stamp, String organizer, String summary, String meetingUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Mentor Platform//Bookings//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + method);
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + uid(bookingId));
        lines.add("SEQUENCE:" + sequence);
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART:" + UTC.format(start));
        lines.add("DTEND:" + UTC.format(end));
        lines.add("SUMMARY:" + escape(summary));
        if (meetingUrl != null) {
            lines.add("LOCATION:" + escape(meetingUrl));
            lines.add("URL:" + meetingUrl);
            lines.add("DESCRIPTION:" + escape("Join: " + meetingUrl));
        }
        lines.add("ORGANIZER:mailto:" + organizer);
        lines.add("STATUS:" + ("CANCEL".equals(method) ? "CANCELLED" : "CONFIRMED"));
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(fold(line)).append("\r\n");
        }
        return out.toString();
    }

    /** The UID of a booking's entry. */
    public static String uid(UUID bookingId) {
        return bookingId + "@" + DOMAIN;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Lines longer than 75 octets continue on the next line after a CRLF and a space. */
    static String fold(String line) {
        if (line.length() <= 75) {
            return line;
        }
        StringBuilder folded = new StringBuilder(line.substring(0, 75));
        for (int i = 75; i < line.length(); i += 74) {
            folded.append("\r\n ").append(line, i, Math.min(line.length(), i + 74));
        }
        return folded.toString();
    }
}

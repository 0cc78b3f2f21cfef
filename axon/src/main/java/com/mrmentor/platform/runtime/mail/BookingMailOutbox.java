package com.mrmentor.platform.runtime.mail;

import com.mrmentor.platform.saga.booking.BookingNotice;
import com.mrmentor.platform.saga.booking.BookingNotifications;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders the booking saga's notices, one message per recipient, into the {@code mail_outbox} table, in the saga's
 * transaction; {@link MailOutboxRelay} sends them. The table's unique (message, recipient) key makes a notice handed
 * over again — a retried saga step — a no-op, so nothing is sent twice.
 */
public class BookingMailOutbox implements BookingNotifications {

    /** The booking templates and the values this class supplies to each. */
    public static final List<MailTemplates.Spec> TEMPLATES = templates();

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.of("UTC"));

    private final MailTemplates templates;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String from;

    public BookingMailOutbox(MailTemplates templates, JdbcTemplate jdbc, Clock clock, String from) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.from = from;
    }

    @Override
    public void enqueue(BookingNotice notice) {
        String template = template(notice.kind());
        String calendar = notice.calendar() == null ? null : IcsCalendar.session(notice.calendar().name(),
                notice.bookingId(), notice.calendarSequence(), notice.start(), notice.end(), clock.instant(), from,
                "Mentor Platform session", notice.meetingUrl());
        Instant now = Instant.now(); // the outbox runs on wall-clock time, see MailOutboxRelay
        for (UUID recipient : notice.recipients()) {
            MailTemplates.Rendered mail = templates.render(template, values(notice, recipient));
            jdbc.update("INSERT INTO mail_outbox (id, message_key, recipient_id, subject, body, calendar, "
                            + "calendar_method, status, attempts, next_attempt_at, created_at) "
                            + "SELECT ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM mail_outbox WHERE message_key = ? AND recipient_id = ?)",
                    UUID.randomUUID(), notice.key(), recipient, mail.subject(), mail.body(), calendar,
                    notice.calendar() == null ? null : notice.calendar().name(), Timestamp.from(now),
                    Timestamp.from(now), notice.key(), recipient);
        }
    }

    static String template(BookingNotice.Kind kind) {
        return "booking-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, String> values(BookingNotice notice, UUID recipient) {
        ZoneId zone = ZoneId.of(notice.mentorTimeZone());
        Map<String, String> values = new HashMap<>();
        values.put("bookingId", notice.bookingId().toString());
        values.put("start", LOCAL.format(notice.start().atZone(zone)));
        values.put("startUtc", UTC.format(notice.start()));
        values.put("timeZone", notice.mentorTimeZone());
        values.put("meetingUrl", notice.meetingUrl() == null ? "(sent once the mentor accepts)" : notice.meetingUrl());
        values.put("detail", notice.detail() == null ? "-" : notice.detail());
        values.put("counterpart", recipient.equals(notice.mentorId()) ? "your student" : "your mentor");
        return values;
    }

    private static List<MailTemplates.Spec> templates() {
        Set<String> all = Set.of("bookingId", "start", "startUtc", "timeZone", "meetingUrl", "detail", "counterpart");
        return java.util.Arrays.stream(BookingNotice.Kind.values())
                .map(kind -> new MailTemplates.Spec(template(kind), all, Set.of("bookingId", "start")))
                .toList();
    }
}

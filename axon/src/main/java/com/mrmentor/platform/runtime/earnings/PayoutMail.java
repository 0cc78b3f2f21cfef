package com.mrmentor.platform.runtime.earnings;

import com.mrmentor.platform.runtime.mail.MailTemplates;
import com.mrmentor.platform.shared.earnings.PayoutDestinationChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a mentor that their payout destination changed (masked, with the end of the hold), through the mail outbox:
 * one row per event in {@code mail_outbox} (message key {@code payout-destination:<event id>}), which the outbox relay
 * sends. Its own processing group, never replayed; the outbox's unique key makes a redelivered event a no-op. A
 * mentor's first destination is not a change and sends nothing.
 */
@ProcessingGroup(PayoutMail.PROCESSING_GROUP)
public class PayoutMail {

    public static final String PROCESSING_GROUP = "payout-mail";
    static final String TEMPLATE = "payout-destination-changed";
    static final List<MailTemplates.Spec> TEMPLATES = List.of(new MailTemplates.Spec(TEMPLATE,
            Set.of("method", "destination", "holdUntil", "changedAt"), Set.of("destination", "holdUntil")));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'IST'",
            Locale.ENGLISH).withZone(ZoneId.of("Asia/Kolkata"));

    private final MailTemplates templates;
    private final JdbcTemplate jdbc;

    PayoutMail(MailTemplates templates, JdbcTemplate jdbc) {
        this.templates = templates;
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(PayoutDestinationChanged event, EventMessage<?> message) {
        if (event.first()) {
            return;
        }
        MailTemplates.Rendered mail = templates.render(TEMPLATE, Map.of("method", event.method().name(),
                "destination", event.masked(), "holdUntil", TIME.format(event.holdUntil()),
                "changedAt", TIME.format(event.changedAt())));
        String key = "payout-destination:" + message.getIdentifier();
        Instant now = Instant.now(); // the outbox runs on wall-clock time, see MailOutboxRelay
        jdbc.update("INSERT INTO mail_outbox (id, message_key, recipient_id, subject, body, calendar, "
                        + "calendar_method, status, attempts, next_attempt_at, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, NULL, NULL, 'PENDING', 0, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM mail_outbox WHERE message_key = ? AND recipient_id = ?)",
                UUID.randomUUID(), key, event.mentorId(), mail.subject(), mail.body(), Timestamp.from(now),
                Timestamp.from(now), key, event.mentorId());
    }
}

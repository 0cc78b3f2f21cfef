package com.mrmentor.platform.runtime.mail;

import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.shared.identity.AccountView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends what sagas left in {@code mail_outbox}: every second it takes the due messages, claims each one (a row moves
 * from PENDING to SENDING only once, so two nodes never send the same message), looks up the recipient's address
 * at that moment (an erased or unknown person is SKIPPED) and sends. A failed attempt is retried with a doubling
 * pause, {@code sendAttempts} times in all, then the message is FAILED. A row left SENDING by a server that stopped
 * mid-send is taken up again after {@link #STUCK_AFTER}: the one case where a message might arrive twice.
 */
public class MailOutboxRelay {

    static final Duration STUCK_AFTER = Duration.ofMinutes(10);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(MailOutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final MailTransport transport;
    private final AccountReads accounts;
    private final Duration retention;
    private final int attempts;
    private final Duration backoff;

    public MailOutboxRelay(JdbcTemplate jdbc, MailTransport transport, AccountReads accounts, Duration retention,
                           MailProperties properties) {
        this.jdbc = jdbc;
        this.transport = transport;
        this.accounts = accounts;
        this.retention = retention;
        this.attempts = properties.sendAttempts();
        this.backoff = properties.retryBackoff();
    }

    @Scheduled(fixedDelayString = "${platform.mail.outbox-poll:PT1S}")
    public void relay() {
        // the relay runs on wall-clock time: tests may move the domain clock, never the outbox's pace
        Instant now = Instant.now();
        List<Row> due = jdbc.query("SELECT id, recipient_id, subject, body, calendar, calendar_method, attempts "
                        + "FROM mail_outbox WHERE (status = 'PENDING' AND next_attempt_at <= ?) "
                        + "OR (status = 'SENDING' AND next_attempt_at <= ?) ORDER BY created_at LIMIT " + BATCH,
                (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)),
                Timestamp.from(now), Timestamp.from(now.minus(STUCK_AFTER)));
        for (Row row : due) {
            if (claim(row, now)) {
                deliver(row, now);
            }
        }
    }

    /**
     * Forgets finished messages after {@code platform.mail.outbox-retention} (30 days): their bodies may hold a
     * person's words (a cancellation reason), which must not outlive the need to show what was sent.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetFinished() {
        int forgotten = jdbc.update("DELETE FROM mail_outbox WHERE status IN ('SENT', 'SKIPPED', 'FAILED') "
                + "AND created_at < ?", Timestamp.from(Instant.now().minus(retention)));
        if (forgotten > 0) {
            log.info("Forgot {} finished outbox messages older than {}", forgotten, retention);
        }
    }

    private boolean claim(Row row, Instant now) {
        return jdbc.update("UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = ? "
                        + "WHERE id = ? AND attempts = ? AND status IN ('PENDING', 'SENDING')",
                Timestamp.from(now), row.id, row.attempts) == 1;
    }

    private void deliver(Row row, Instant now) {
        String address = accounts.account(row.recipient).filter(a -> a.erasedAt() == null).map(AccountView::email)
                .orElse(null);
        if (address == null) {
            finish(row, "SKIPPED", "recipient unknown or erased");
            return;
        }
        OutgoingMail mail = new OutgoingMail(address, row.subject, row.body,
                row.calendar == null ? null : new OutgoingMail.Calendar(row.calendarMethod, row.calendar));
        try {
            transport.send(mail);
            jdbc.update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?",
                    Timestamp.from(Instant.now()), row.id);
        } catch (MailTransport.UndeliverableMail e) {
            log.error("Not sending '{}' to {}: {}", mail.subject(), mail.maskedTo(), e.getMessage());
            finish(row, "FAILED", e.getMessage());
        } catch (RuntimeException e) {
            int tried = row.attempts + 1;
            if (tried >= attempts) {
                log.error("Gave up sending '{}' to {} after {} attempts", mail.subject(), mail.maskedTo(), tried, e);
                finish(row, "FAILED", e.toString());
                return;
            }
            Duration pause = backoff.multipliedBy(1L << Math.min(tried - 1, 20));
            pause = pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
            log.warn("Sending '{}' to {} failed (attempt {} of {}), next try in {}: {}", mail.subject(),
                    mail.maskedTo(), tried, attempts, pause, e.toString());
            jdbc.update("UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ? WHERE id = ?",
                    Timestamp.from(now.plus(pause)), truncate(e.toString()), row.id);
        }
    }

    private void finish(Row row, String status, String why) {
        jdbc.update("UPDATE mail_outbox SET status = ?, last_error = ? WHERE id = ?", status, truncate(why), row.id);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private record Row(UUID id, UUID recipient, String subject, String body, String calendar, String calendarMethod,
                       int attempts) {
    }
}

package com.mrmentor.platform.runtime.mail;

import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.saga.booking.BookingNotice;
import com.mrmentor.platform.shared.identity.AccountView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The booking outbox and its relay on an embedded database: once per key, retries, give-ups, erased recipients. */
class MailOutboxRelayTest {

    private static final UUID STUDENT = UUID.randomUUID();
    private static final UUID MENTOR = UUID.randomUUID();
    private static final UUID BOOKING = UUID.randomUUID();

    private EmbeddedDatabase database;
    private JdbcTemplate jdbc;
    private final List<OutgoingMail> sent = new ArrayList<>();
    private RuntimeException failure;
    private final AccountReads accounts = mock(AccountReads.class);
    private BookingMailOutbox outbox;
    private MailOutboxRelay relay;

    @BeforeEach
    void setUp() {
        // H2 in PostgreSQL mode, as the embedded default profile runs it; one database per test
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .setName("outbox-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE").build();
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE mail_outbox (id UUID PRIMARY KEY, message_key VARCHAR(200) NOT NULL, "
                + "recipient_id UUID NOT NULL, subject VARCHAR(300) NOT NULL, body TEXT NOT NULL, calendar TEXT, "
                + "calendar_method VARCHAR(10), status VARCHAR(10) NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
                + "next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "sent_at TIMESTAMP WITH TIME ZONE, last_error VARCHAR(500), "
                + "CONSTRAINT mail_outbox_message_uq UNIQUE (message_key, recipient_id))");
        MailTemplates templates = MailTemplates.load(BookingMailOutbox.TEMPLATES);
        outbox = new BookingMailOutbox(templates, jdbc, Clock.systemUTC(), "no-reply@mentor.local");
        MailTransport transport = mail -> {
            if (failure != null) {
                throw failure;
            }
            sent.add(mail);
        };
        relay = new MailOutboxRelay(jdbc, transport, accounts, Duration.ofDays(30),
                new MailProperties("no-reply@mentor.local", 2, Duration.ZERO));
        when(accounts.account(STUDENT)).thenReturn(Optional.of(account(STUDENT, "student@example.com", null)));
        when(accounts.account(MENTOR)).thenReturn(Optional.of(account(MENTOR, "mentor@example.com", null)));
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    @Test
    void aNoticeHandedOverTwiceIsSentOncePerRecipientWithItsCalendar() {
        outbox.enqueue(confirmed());
        outbox.enqueue(confirmed());
        relay.relay();
        relay.relay();

        assertThat(sent).extracting(OutgoingMail::to).containsExactlyInAnyOrder("student@example.com",
                "mentor@example.com");
        assertThat(sent.get(0).calendar().method()).isEqualTo("REQUEST");
        assertThat(sent.get(0).calendar().content()).contains("UID:" + BOOKING + "@mentor-platform", "SEQUENCE:0");
        assertThat(sent.get(0).body()).contains("https://meet.example/r/1");
        assertThat(statuses()).containsOnly("SENT");
    }

    @Test
    void aFailedSendIsRetriedThenGivenUp() {
        failure = new IllegalStateException("smtp down");
        outbox.enqueue(confirmed());
        relay.relay();
        assertThat(statuses()).containsOnly("PENDING");

        relay.relay(); // second and last attempt (backoff zero)
        assertThat(statuses()).containsOnly("FAILED");
        assertThat(jdbc.queryForList("SELECT last_error FROM mail_outbox", String.class))
                .allMatch(e -> e.contains("smtp down"));
        assertThat(sent).isEmpty();
    }

    @Test
    void anErasedOrUnknownRecipientGetsNothing() {
        when(accounts.account(STUDENT)).thenReturn(Optional.of(account(STUDENT, null, Instant.now())));
        when(accounts.account(MENTOR)).thenReturn(Optional.empty());
        outbox.enqueue(confirmed());
        relay.relay();

        assertThat(sent).isEmpty();
        assertThat(statuses()).containsOnly("SKIPPED");
    }

    @Test
    void finishedMessagesAreForgottenAfterTheRetention() {
        outbox.enqueue(confirmed());
        relay.relay();
        jdbc.update("UPDATE mail_outbox SET created_at = ?", java.sql.Timestamp.from(Instant.now()
                .minus(Duration.ofDays(31))));
        relay.forgetFinished();

        assertThat(statuses()).isEmpty();
    }

    private List<String> statuses() {
        return jdbc.queryForList("SELECT status FROM mail_outbox", String.class);
    }

    private static BookingNotice confirmed() {
        return new BookingNotice(BookingNotice.Kind.CONFIRMED, BOOKING, List.of(STUDENT, MENTOR), STUDENT, MENTOR,
                Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T09:30:00Z"), "Europe/Berlin",
                "https://meet.example/r/1", BookingNotice.CalendarMethod.REQUEST, 0, null);
    }

    private static AccountView account(UUID id, String email, Instant erasedAt) {
        return new AccountView(id, email, "Name", null, null, null, null, java.util.Set.of(), java.util.Set.of(),
                null, null, null, false, false, false, Instant.now(), null, null, null, null, erasedAt);
    }
}

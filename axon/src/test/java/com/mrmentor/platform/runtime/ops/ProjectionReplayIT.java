package com.mrmentor.platform.runtime.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.OpsApi;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a read model from the first event, over HTTP, after real traffic: the rebuilt rows are the same rows
 * (same checksum) even after someone damaged them, the processor reaches the head, the rest of the platform keeps
 * serving, and nothing is sent again — no e-mail, no outbox row.
 */
class ProjectionReplayIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private OpsApi ops() {
        return new OpsApi(api());
    }

    @Test
    void replayedTokenAndBookingReadModelsAreTheSameRowsAndNothingIsSentAgain() {
        String admin = admin();
        TokenApi tokens = new TokenApi(api());
        BookingApi bookings = new BookingApi(api(), identity());

        // a booking's whole life: requested 13 hours ago, accepted (invitations sent), completed, settled
        Person mentor = bookings.newMentor("replay-mentor", admin, "Asia/Kolkata", 0);
        Person student = bookings.newStudentWithTokens("replay-student", admin, 10);
        Instant now = Instant.now();
        clock.travelTo(now.minus(Duration.ofHours(13)));
        UUID booking = bookings.book(student, mentor, BookingApi.slotRunningAt(now));
        bookings.awaitStatus(student.token(), booking, "REQUESTED");
        assertThat(bookings.accept(mentor.token(), booking).status()).isEqualTo(200);
        BookingApi.awaitMail(mailbox(), student.email(), "Session confirmed");
        clock.reset();
        assertThat(bookings.complete(mentor.token(), booking).status()).isEqualTo(204);
        bookings.awaitSettled(student.token(), booking);
        // and on the same wallet: a grant, a captured hold and a released one
        UUID wallet = student.id();
        tokens.grant(admin, wallet, 25, "PROMOTIONAL", Instant.parse("2031-01-01T00:00:00Z"));
        UUID captured = tokens.hold(admin, wallet, 3);
        assertThat(tokens.capture(admin, captured).status()).isEqualTo(200);
        UUID released = tokens.hold(admin, wallet, 4);
        assertThat(tokens.release(admin, released, "changed plans").status()).isEqualTo(200);

        JsonNode account = tokens.settledAccount(admin, wallet);
        List<JsonNode> ledger = tokens.ledger(admin, wallet);
        JsonNode settled = bookings.booking(student.token(), booking).body();
        assertThat(ledger).extracting(line -> line.get("type").asText()).contains("GRANT", "HOLD", "CAPTURE");
        awaitNothingMoreToSend();

        rebuildsTheSameRows(admin, "token-ledger",
                "DELETE FROM token_ledger_entry WHERE user_id = ? AND entry_type = 'CAPTURE'", wallet);
        assertThat(tokens.ledger(admin, wallet)).isEqualTo(ledger);

        rebuildsTheSameRows(admin, "token-accounts",
                "UPDATE token_account SET balance = balance + 1000 WHERE user_id = ?", wallet);
        assertThat(tokens.account(admin, wallet)).isEqualTo(account);

        rebuildsTheSameRows(admin, "bookings",
                "UPDATE booking_view SET status = 'CANCELLED', captured_tokens = 0 WHERE booking_id = ?", booking);
        assertThat(bookings.booking(student.token(), booking).body()).isEqualTo(settled);

        // the audit feed's index is a read model like the others (the audit chain is not: it is never replayed)
        rebuildsTheSameRows(admin, "audit-event-index",
                "DELETE FROM audit_event_index WHERE aggregate_identifier = ?",
                com.mrmentor.platform.shared.tokens.WalletIds.of(wallet));

        List<JsonNode> recorded = ops().operations(admin, "bookings");
        assertThat(recorded).isNotEmpty();
        assertThat(recorded.get(0).get("action").asText()).isEqualTo("REPLAY_REQUESTED");
        assertThat(recorded.get(0).get("outcome").asText()).isEqualTo("STARTED");
        assertThat(recorded.get(0).get("actorId").asText()).isEqualTo(TokenApi.subjectOf(admin).toString());
    }

    @Test
    void theListShowsEveryProcessorWithItsModePositionsAndWhetherItMayBeReplayed() {
        String admin = admin();
        ops().awaitAtHead(admin, "token-ledger");
        Response list = ops().processors(auditor());
        assertThat(list.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        list.body().forEach(p -> byName.put(p.get("name").asText(), p));

        JsonNode ledger = byName.get("token-ledger");
        assertThat(ledger.get("mode").asText()).isEqualTo("tracking");
        assertThat(ledger.get("replayableReadModel").asBoolean()).isTrue();
        assertThat(ledger.get("running").asBoolean()).isTrue();
        assertThat(ledger.get("error").asBoolean()).isFalse();
        assertThat(ledger.get("tables")).extracting(JsonNode::asText).containsExactly("token_ledger_entry");
        assertThat(ledger.get("segments")).hasSize(2);
        long head = ledger.get("headPosition").asLong();
        assertThat(head).isEqualTo(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry",
                Long.class));
        ledger.get("segments").forEach(segment -> {
            assertThat(segment.get("position").asLong()).isBetween(0L, head);
            assertThat(segment.get("lag").asLong()).isEqualTo(head - segment.get("position").asLong());
        });
        assertThat(ledger.get("deadLetters").asLong()).isZero();

        assertThat(byName.get("booking-calendar").get("mode").asText()).isEqualTo("subscribing");
        assertThat(byName.get("booking-calendar").get("replayableReadModel").asBoolean()).isFalse();
        assertThat(byName.get("payout-mail").get("replayableReadModel").asBoolean()).isFalse();
        assertThat(byName.get("payout-mail").get("notReplayableBecause").asText()).contains("side effects");
        assertThat(byName.values().stream().filter(p -> p.get("notReplayableBecause").asText("").contains("saga")))
                .extracting(p -> p.get("name").asText()).contains("BookingSagaProcessor");
        assertThat(byName.get("bookings").get("tables")).extracting(JsonNode::asText)
                .containsExactly("booking_view", "booking_timeline", "booking_feedback", "booking_note");
    }

    /**
     * Damages the read model of {@code group}, replays it and expects the rows it had before the damage. Should an
     * event be stored meanwhile by something else (a deadline of another test), the comparison is made again.
     */
    private void rebuildsTheSameRows(String admin, String group, String damage, Object... args) {
        for (int attempt = 1; ; attempt++) {
            ops().awaitAtHead(admin, group);
            JsonNode before = ops().checksum(admin, group);
            assertThat(jdbc.update(damage, args)).as("rows damaged").isPositive();
            assertThat(ops().checksum(admin, group).get("sha256")).isNotEqualTo(before.get("sha256"));
            int mails = mailbox().totalCount();
            long outbox = outboxRows();

            Response replay = ops().replay(admin, group);
            assertThat(replay.status()).as("replay: %s", replay).isEqualTo(202);
            assertThat(replay.body().get("name").asText()).isEqualTo(group);
            JsonNode caughtUp = ops().awaitAtHead(admin, group);
            JsonNode after = ops().checksum(admin, group);

            await("nothing sent during the replay of " + group).during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5)).until(() -> mailbox().totalCount() == mails
                            && outboxRows() == outbox);
            if (after.get("headPosition").asLong() != before.get("headPosition").asLong() && attempt < 3) {
                continue;
            }
            assertThat(caughtUp.get("lag").asLong()).isZero();
            assertThat(after.get("tables")).isEqualTo(before.get("tables"));
            assertThat(after.get("sha256")).isEqualTo(before.get("sha256"));
            assertThat(StreamSupport.stream(after.get("tables").spliterator(), false)
                    .mapToLong(t -> t.get("rows").asLong()).sum()).isPositive();
            return;
        }
    }

    /** Waits until the mail relay and the sagas have sent what the traffic caused. */
    private void awaitNothingMoreToSend() {
        int[] mails = {-1};
        long[] outbox = {-1};
        await("mail settled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            boolean quiet = mailbox().totalCount() == mails[0] && outboxRows() == outbox[0] && jdbc.queryForObject(
                    "SELECT count(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')", Long.class) == 0;
            mails[0] = mailbox().totalCount();
            outbox[0] = outboxRows();
            return quiet;
        });
    }

    private long outboxRows() {
        return jdbc.queryForObject("SELECT count(*) FROM mail_outbox", Long.class);
    }
}

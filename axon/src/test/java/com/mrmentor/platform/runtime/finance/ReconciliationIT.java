package com.mrmentor.platform.runtime.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation over HTTP: a month's worth of ledger and booking activity reconciles with no mismatch for the
 * wallets and bookings involved; a read-model row altered by hand is reported exactly, with the ids involved.
 */
class ReconciliationIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private BookingApi bookings() {
        return new BookingApi(api(), identity());
    }

    @Test
    void seededActivityReconcilesAndAHandAlteredReadModelRowIsReportedExactly() {
        String admin = admin();
        TokenApi tokens = new TokenApi(api());
        Person mentor = bookings().newMentor("recon-mentor", admin, "Europe/Berlin", 0);
        Person student = bookings().newStudent("recon-student");
        Instant from = Instant.now().minus(Duration.ofDays(30));
        tokens.grant(admin, student.id(), 10, "PAID");
        tokens.grant(admin, student.id(), 3, "PROMOTIONAL");
        UUID released = tokens.hold(admin, student.id(), 1);
        assertThat(tokens.release(admin, released, "reconciliation seed").status()).isEqualTo(200);

        // a completed session, booked 13 hours ago for the slot running now
        Instant now = Instant.now();
        clock.travelTo(now.minus(Duration.ofHours(13)));
        UUID booking = bookings().book(student, mentor, BookingApi.slotRunningAt(now));
        assertThat(bookings().accept(mentor.token(), booking).status()).isEqualTo(200);
        clock.reset();
        assertThat(bookings().complete(mentor.token(), booking).status()).isEqualTo(204);
        bookings().awaitSettled(student.token(), booking);
        JsonNode account = tokens.settledAccount(admin, student.id());
        assertThat(account.get("balance").asLong()).isEqualTo(11);

        Instant to = Instant.now().plus(Duration.ofMinutes(1));
        Response report = api().get(path(from, to), finance());
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        assertThat(mine(report.body(), student.id(), booking)).as("mismatches of this test's wallet and booking")
                .isEmpty();
        assertThat(report.body().get("walletsChecked").asLong()).isPositive();
        // the period's PAID and PROMOTIONAL flows include this test's (other tests add theirs)
        assertThat(report.body().at("/tokens/PAID/granted").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(report.body().at("/tokens/PROMOTIONAL/captured").asLong())
                .as("the session's 2 tokens came from the promotional lot first").isGreaterThanOrEqualTo(2);
        assertThat(report.body().at("/sessions/settledWithCapture").asLong()).isGreaterThanOrEqualTo(1);

        // a read-model row altered by hand
        jdbc.update("UPDATE token_account SET balance = balance + 5 WHERE user_id = ?", student.id());
        try {
            Response drifted = api().get(path(from, to), auditor());
            List<JsonNode> found = mine(drifted.body(), student.id(), booking);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("kind").asText()).isEqualTo("WALLET_BALANCE_DRIFT");
            assertThat(found.get(0).get("reference").asText()).isEqualTo(student.id().toString());
            assertThat(found.get(0).get("expected").asText()).isEqualTo("11");
            assertThat(found.get(0).get("actual").asText()).isEqualTo("16");

            Response csv = api().get(path(from, to).replace("reconciliation?", "reconciliation.csv?"), finance());
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.rawBody()).startsWith("section,key,measure,expected,actual,detail\r\n")
                    .contains("mismatch," + student.id() + ",WALLET_BALANCE_DRIFT,11,16,");
        } finally {
            jdbc.update("UPDATE token_account SET balance = balance - 5 WHERE user_id = ?", student.id());
        }
    }

    @Test
    void onlyFinanceAndAuditorsReconcileAndThePeriodMustBeOrdered() {
        Instant now = Instant.now();
        assertThat(api().get(path(now.minusSeconds(60), now), student()).status()).isEqualTo(403);
        assertThat(api().get(path(now.minusSeconds(60), now), admin()).status()).isEqualTo(403);
        assertThat(api().get(path(now, now.minusSeconds(60)), finance()).status()).isEqualTo(400);
        assertThat(api().get("/api/finance/reconciliation?from=yesterday&to=today", finance()).status())
                .isEqualTo(400);
    }

    private static String path(Instant from, Instant to) {
        return "/api/finance/reconciliation?from=" + from + "&to=" + to;
    }

    /** The mismatches naming this test's wallet or booking. */
    private static List<JsonNode> mine(JsonNode report, UUID wallet, UUID booking) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode mismatch : report.get("mismatches")) {
            String reference = mismatch.get("reference").asText();
            if (reference.contains(wallet.toString()) || reference.contains(booking.toString())) {
                found.add(mismatch);
            }
        }
        return found;
    }
}

package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Earnings and payouts over HTTP on PostgreSQL: who may do what, the hold period, racing requests, the provider's
 * outcomes by signed webhook (failure reported three times, reversal after processed), a refund after payout
 * leaving a negative balance that later earnings recover, four eyes, the approval timeout, a destination change's
 * hold and e-mail, the weekly batch, and the reconciliation of it all.
 */
class EarningsAndPayoutsIT extends EarningsTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyMentorsRequestPayoutsAndOnlyTheMentorAndFinanceSeeEarnings() {
        Person mentor = mentor();
        Person other = mentor();
        availableSession(mentor, 1);

        assertThat(api().post("/api/payouts", student(), json("amount", 10_000, "method", "UPI", "destination",
                "student@okhdfc")).status()).isEqualTo(403);
        assertThat(api().get("/api/mentors/" + mentor.id() + "/earnings", other.token()).status()).isEqualTo(403);
        assertThat(api().get("/api/mentors/" + mentor.id() + "/earnings", student()).status()).isEqualTo(403);
        for (String overseer : List.of(finance(), admin(), auditor())) {
            assertThat(earnings(overseer, mentor.id()).get("available").asLong()).isEqualTo(NET_PER_TOKEN);
        }
        assertThat(api().post("/api/payouts/" + UUID.randomUUID() + "/approve", mentor.token(), null).status())
                .isEqualTo(403);
        assertThat(api().post("/api/mentors/" + mentor.id() + "/earnings/sessions/" + UUID.randomUUID()
                + "/reversal", auditor(), json("reason", "x")).status()).isEqualTo(403);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Person mentor = mentor();
        availableSession(mentor, 1);

        assertProblem(requestPayout(mentor, 9_999, "UPI", "mentor@okhdfc"), 422, "payout-below-minimum");
        assertProblem(requestPayout(mentor, 24_001, "UPI", "mentor@okhdfc"), 409, "insufficient-earnings");
        assertProblem(requestPayout(mentor, 10_000, "UPI", "not a vpa"), 400, "invalid-destination");
        assertProblem(requestPayout(mentor, 10_000, "BANK", "HDFC0001234"), 400, "invalid-destination");
        assertThat(requestPayout(mentor, 10_000, "CASH", "x").status()).isEqualTo(400);
        assertThat(api().post("/api/payouts", mentor.token(), json("amount", 10_000, "method", "UPI",
                "destination", "mentor@okhdfc", "fee", 0)).status()).isEqualTo(400);
        assertProblem(api().post("/api/payouts/" + UUID.randomUUID() + "/approve", finance(), null), 404,
                "unknown-payout");

        JsonNode after = earnings(mentor.token(), mentor.id());
        assertThat(after.get("available").asLong()).isEqualTo(NET_PER_TOKEN);
        assertThat(after.get("inPayout").asLong()).isZero();
    }

    @Test
    void earningsStayPendingForTheHoldPeriodThenBecomeAvailable() {
        Person mentor = mentor();
        // the session ended 7 days ago, less 4 seconds: its earning becomes available 4 seconds from now
        UUID booking = settledSession(mentor, 2, Instant.now().minus(Duration.ofDays(7)).plusSeconds(4));

        JsonNode pending = awaitEarnings(mentor, e -> e.get("pending").asLong() == 2 * NET_PER_TOKEN);
        assertThat(pending.get("available").asLong()).isZero();
        assertThat(pending.get("gross").asLong()).isEqualTo(60_000);
        assertThat(pending.get("commission").asLong()).isEqualTo(12_000);
        assertThat(pending.get("withheld").asLong()).isZero(); // under the TDS threshold
        assertProblem(requestPayout(mentor, 10_000, "UPI", "mentor@okhdfc"), 409, "insufficient-earnings");

        JsonNode available = awaitEarnings(mentor, e -> e.get("available").asLong() == 2 * NET_PER_TOKEN);
        assertThat(available.get("pending").asLong()).isZero();
        List<String> lines = new ArrayList<>();
        statement(mentor.token(), mentor.id()).get("lines").forEach(l -> {
            assertThat(l.get("sourceId").asText()).isEqualTo(booking.toString());
            lines.add(l.get("type").asText() + " " + l.get("amount").asLong());
        });
        assertThat(lines).containsExactly("SESSION_GROSS 60000", "COMMISSION -12000", "EARNING_AVAILABLE 48000");
    }

    @Test
    void ofTwoConcurrentRequestsLargerThanTheBalanceTogetherExactlyOneSucceeds() throws Exception {
        Person mentor = mentor();
        availableSession(mentor, 2); // 48 000 available
        requestPayout(mentor, 10_000, "UPI", "racer@okaxis"); // the destination is known: no hold in the race
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<Response> call = () -> {
                start.await();
                return requestPayout(mentor, 30_000, "UPI", "racer@okaxis");
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.status());
            if (response.status() == 409) {
                assertThat(response.problemType()).isEqualTo("/problems/insufficient-earnings");
            }
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        JsonNode after = awaitEarnings(mentor, e -> e.get("inPayout").asLong() == 40_000);
        assertThat(after.get("available").asLong()).isEqualTo(8_000);
    }

    @Test
    void aFailedPayoutReturnsTheMoneyOnceEvenWhenTheFailureArrivesThreeTimes() {
        Person mentor = mentor();
        availableSession(mentor, 1);
        var payout = sentPayout(mentor, NET_PER_TOKEN, "failing@okicici");
        UUID payoutId = UUID.fromString(payout.reference());
        awaitEarnings(mentor, e -> e.get("inPayout").asLong() == NET_PER_TOKEN && e.get("available").asLong() == 0);

        var failed = simulator().webhook(payout, "failed", null, "Beneficiary bank offline");
        var first = simulator().deliver(failed);
        var again = simulator().deliver(failed);
        var otherId = simulator().deliver(simulator().webhook(payout, "failed", null, "Beneficiary bank offline"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"processed\"");
        assertThat(again.body()).contains("\"status\":\"duplicate\"");
        assertThat(otherId.body()).contains("\"status\":\"unchanged\"");
        JsonNode view = awaitPayout(payoutId, "FAILED");
        assertThat(view.get("reason").asText()).contains("Beneficiary bank offline");
        JsonNode after = awaitEarnings(mentor, e -> e.get("available").asLong() == NET_PER_TOKEN);
        assertThat(after.get("inPayout").asLong()).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                earnings(mentor.token(), mentor.id()).get("available").asLong() == NET_PER_TOKEN);
        long returns = count(statement(mentor.token(), mentor.id()), "PAYOUT_RETURNED");
        assertThat(returns).isEqualTo(1);

        // a wrongly signed report is refused and changes nothing
        var forged = new SimulatedWebhooks.SignedWebhook("evt_forged", failed.body().replace("failed",
                "reversed"), failed.signature());
        assertThat(simulator().deliver(forged).status()).isEqualTo(400);
    }

    @Test
    void aProcessedPayoutKeepsItsUtrAndAReversalAfterwardsReturnsTheMoney() {
        Person mentor = mentor();
        availableSession(mentor, 1);
        var payout = sentPayout(mentor, 20_000, "reversed@okhdfc");
        UUID payoutId = UUID.fromString(payout.reference());

        assertThat(simulator().deliver(simulator().webhook(payout, "processed", "UTR2026112100042", null)).status())
                .isEqualTo(200);
        JsonNode processed = awaitPayout(payoutId, "PROCESSED");
        assertThat(processed.get("utr").asText()).isEqualTo("UTR2026112100042");
        JsonNode paid = awaitEarnings(mentor, e -> e.get("paid").asLong() == 20_000);
        assertThat(paid.get("available").asLong()).isEqualTo(4_000);
        assertThat(paid.get("inPayout").asLong()).isZero();

        simulator().deliver(simulator().webhook(payout, "reversed", "UTR2026112100042", "Account closed"));
        simulator().deliver(simulator().webhook(payout, "reversed", "UTR2026112100042", "Account closed"));
        JsonNode reversed = awaitPayout(payoutId, "REVERSED");
        assertThat(reversed.get("reason").asText()).isEqualTo("Account closed");
        assertThat(reversed.get("timeline")).extracting(s -> s.get("event").asText())
                .containsExactly("REQUESTED", "APPROVED", "SENT_NOW", "PROCESSED", "REVERSED");
        JsonNode after = awaitEarnings(mentor, e -> e.get("available").asLong() == NET_PER_TOKEN);
        assertThat(after.get("paid").asLong()).isZero();
        assertThat(count(statement(mentor.token(), mentor.id()), "PAYOUT_RETURNED")).isEqualTo(1);
    }

    @Test
    void aRefundAfterPayoutLeavesANegativeBalanceThatTheNextPayoutRecovers() {
        Person mentor = mentor();
        UUID refunded = availableSession(mentor, 1);
        var payout = sentPayout(mentor, NET_PER_TOKEN, "negative@okhdfc");
        simulator().deliver(simulator().webhook(payout, "processed", "UTR1", null));
        awaitEarnings(mentor, e -> e.get("paid").asLong() == NET_PER_TOKEN);

        assertThat(api().post("/api/mentors/" + mentor.id() + "/earnings/sessions/" + refunded + "/reversal",
                finance(), json()).status()).isEqualTo(400); // a reason is required
        Response reversal = api().post("/api/mentors/" + mentor.id() + "/earnings/sessions/" + refunded
                + "/reversal", finance(), json("reason", "refunded after a dispute"));
        assertThat(reversal.status()).as("%s", reversal).isEqualTo(200);
        assertThat(reversal.body().get("amount").asLong()).isEqualTo(NET_PER_TOKEN);
        assertProblem(api().post("/api/mentors/" + mentor.id() + "/earnings/sessions/" + refunded + "/reversal",
                admin(), json("reason", "again")), 409, "earning-already-reversed");
        JsonNode negative = awaitEarnings(mentor, e -> e.get("available").asLong() == -NET_PER_TOKEN);
        assertThat(negative.get("paid").asLong()).isEqualTo(NET_PER_TOKEN);

        availableSession(mentor, 3); // 72 000 earned, 48 000 of it payable after recovering the 24 000
        assertProblem(requestPayout(mentor, 48_001, "UPI", "negative@okhdfc"), 409, "insufficient-earnings");
        assertThat(requestPayout(mentor, 48_000, "UPI", "negative@okhdfc").status()).isEqualTo(201);
        JsonNode after = awaitEarnings(mentor, e -> e.get("inPayout").asLong() == 48_000);
        assertThat(after.get("available").asLong()).isZero();
        JsonNode lines = statement(finance(), mentor.id()).get("lines");
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("type").asText()).isEqualTo("REVERSAL");
            assertThat(l.get("source").asText()).isEqualTo("REVERSAL");
            assertThat(l.get("sourceId").asText()).isEqualTo(refunded.toString());
            assertThat(l.get("amount").asLong()).isEqualTo(-NET_PER_TOKEN);
            assertThat(l.get("detail").asText()).isEqualTo("refunded after a dispute");
        });
    }

    @Test
    void financeDecidesWithFourEyesAndARejectionReturnsTheMoney() {
        Person mentor = mentor();
        availableSession(mentor, 1);
        UUID payoutId = payout(mentor, 15_000, "decided@okhdfc");
        // the mentor also holds FINANCE: they still cannot approve their own payout
        assertThat(identity().changeRoles(admin(), mentor.id(), List.of("MENTOR", "FINANCE")).status())
                .isEqualTo(204);
        String mentorAsFinance = identity().login(mentor.email(), com.mrmentor.platform.runtime.support.IdentityApi
                .PASSWORD).accessToken();
        assertProblem(api().post("/api/payouts/" + payoutId + "/approve", mentorAsFinance, null), 403, "four-eyes");
        assertProblem(api().post("/api/payouts/" + payoutId + "/reject", mentorAsFinance, json("reason", "mine")),
                403, "four-eyes");
        assertThat(api().post("/api/payouts/" + payoutId + "/reject", finance(), json()).status()).isEqualTo(400);

        assertThat(api().post("/api/payouts/" + payoutId + "/reject", finance(),
                json("reason", "bank details to be verified")).status()).isEqualTo(200);
        JsonNode rejected = awaitPayout(payoutId, "REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("bank details to be verified");
        assertProblem(api().post("/api/payouts/" + payoutId + "/approve", finance(), null), 409,
                "payout-not-pending");
        awaitEarnings(mentor, e -> e.get("available").asLong() == NET_PER_TOKEN && e.get("inPayout").asLong() == 0);
    }

    @Test
    void aPayoutNobodyDecidesWithinSevenDaysIsRejectedAndReturned() {
        Person mentor = mentor();
        availableSession(mentor, 1);
        clock.travelTo(Instant.now().minus(Duration.ofDays(7)).plusSeconds(3));
        UUID payoutId = payout(mentor, 12_000, "slow@okhdfc");
        clock.reset();

        JsonNode rejected = awaitPayout(payoutId, "REJECTED");
        assertThat(rejected.get("decidedBy").isNull()).isTrue();
        assertThat(rejected.get("timeline")).extracting(s -> s.get("event").asText())
                .containsExactly("REQUESTED", "AUTO_REJECTED");
        awaitEarnings(mentor, e -> e.get("available").asLong() == NET_PER_TOKEN && e.get("inPayout").asLong() == 0);
    }

    @Test
    void aNewDestinationHoldsPayoutsForADayAndIsEmailedMaskedAndStoredEncrypted() {
        Person mentor = mentor();
        availableSession(mentor, 2);
        Response first = requestPayout(mentor, 10_000, "UPI", "firstdest@okhdfc");
        assertThat(first.body().get("notBefore").isNull()).isTrue();
        assertThat(first.body().get("destination").asText()).isEqualTo("fi****@okhdfc");

        Response changed = requestPayout(mentor, 10_000, "BANK", "hdfc0001234:123456789012");
        assertThat(changed.status()).as("%s", changed).isEqualTo(201);
        assertThat(changed.body().get("destination").asText()).isEqualTo("HDFC0001234:XXXXXXXX9012");
        Instant notBefore = Instant.parse(changed.body().get("notBefore").asText());
        assertThat(notBefore).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        UUID payoutId = UUID.fromString(changed.body().get("payoutId").asText());
        assertThat(api().post("/api/payouts/" + payoutId + "/approve", finance(), null).status()).isEqualTo(200);
        assertProblem(api().post("/api/payouts/" + payoutId + "/send", finance(), null), 409, "destination-on-hold");
        assertThat(earnings(mentor.token(), mentor.id()).get("payoutsHeldUntil").isNull()).isFalse();

        TestMailbox.Mail mail = com.mrmentor.platform.runtime.support.BookingApi.awaitMail(mailbox(), mentor.email(),
                "Your payout destination changed");
        assertThat(mail.body()).contains("HDFC0001234:XXXXXXXX9012").doesNotContain("123456789012");
        Integer plain = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN "
                + "(?, ?) AND (CAST(convert_from(payload, 'UTF8') AS TEXT) LIKE '%123456789012%' OR "
                + "CAST(convert_from(payload, 'UTF8') AS TEXT) LIKE '%firstdest@okhdfc%')", Integer.class,
                "payout:" + payoutId, "mentor-earnings:" + mentor.id());
        assertThat(plain).as("events holding the destination in clear").isZero();
    }

    @Test
    void anApprovedPayoutGoesOutWithTheWeeklyBatch() {
        Person mentor = mentor();
        availableSession(mentor, 1);
        UUID payoutId = payout(mentor, 10_000, "batch@okhdfc");

        Response approved = api().post("/api/payouts/" + payoutId + "/approve", finance(), null);
        ZonedDateTime sendAt = Instant.parse(approved.body().get("sendAt").asText()).atZone(ZoneId.of("Asia/Kolkata"));
        assertThat(sendAt.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(sendAt.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(approved.body().get("batchId").asText()).isEqualTo("batch-" + sendAt.toLocalDate());
        assertThat(awaitPayout(payoutId, "QUEUED").get("batchId").asText()).isEqualTo("batch-" + sendAt.toLocalDate());

        // approved a few seconds before last Friday's batch: that batch sends it
        ZonedDateTime lastFriday = ZonedDateTime.now(ZoneId.of("Asia/Kolkata"))
                .with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)).with(LocalTime.of(9, 59, 57));
        UUID batched = payout(mentor, 10_000, "batch@okhdfc");
        String finance = finance();
        clock.travelTo(lastFriday.toInstant());
        Response early = api().post("/api/payouts/" + batched + "/approve", finance, null);
        clock.reset();
        assertThat(early.status()).as("%s", early).isEqualTo(200);
        assertThat(early.body().get("batchId").asText()).isEqualTo("batch-" + lastFriday.toLocalDate());
        JsonNode sent = awaitPayout(batched, "PROCESSING");
        assertThat(sent.get("timeline")).extracting(s -> s.get("event").asText()).contains("SENT_IN_BATCH");
        assertThat(simulator().payout(batched.toString())).isPresent();

        Response batches = api().get("/api/admin/payouts/batches", finance());
        assertThat(batches.status()).isEqualTo(200);
        assertThat(batches.body().get("batches")).anySatisfy(b -> {
            assertThat(b.get("batchId").asText()).isEqualTo("batch-" + lastFriday.toLocalDate());
            assertThat(b.get("amount").asLong()).isGreaterThanOrEqualTo(10_000);
        });
        Response queue = api().get("/api/admin/payouts?status=PROCESSING&mentorId=" + mentor.id(), auditor());
        assertThat(queue.body().get("items")).extracting(i -> i.get("payoutId").asText())
                .containsExactly(batched.toString());
        assertThat(api().get("/api/payouts/mine", mentor.token()).body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void theReconciliationReportChecksEarningsAndPayoutsAgainstTheEventStore() {
        Instant from = Instant.now().minusSeconds(1);
        Person mentor = mentor();
        availableSession(mentor, 2);
        var payout = sentPayout(mentor, 20_000, "recon@okhdfc");
        simulator().deliver(simulator().webhook(payout, "processed", "UTR9", null));
        awaitEarnings(mentor, e -> e.get("paid").asLong() == 20_000);

        Response report = api().get("/api/finance/reconciliation?from=" + from + "&to="
                + Instant.now().plusSeconds(1), auditor());
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        JsonNode earnings = report.body().get("earnings");
        assertThat(earnings.get("sessionsAccrued").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(earnings.get("processedAmount").asLong()).isGreaterThanOrEqualTo(20_000);
        assertThat(earnings.get("mentorsChecked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.body().get("mismatches")).noneSatisfy(m ->
                assertThat(m.get("reference").asText()).contains(mentor.id().toString()));
        Response csv = api().get("/api/finance/reconciliation.csv?from=" + from + "&to="
                + Instant.now().plusSeconds(1), finance());
        assertThat(csv.rawBody()).contains("payouts,all,processed_amount,");

        // the read model drifts: the report names the mentor and the bucket
        jdbc.update("UPDATE mentor_earnings_view SET available = available + 1 WHERE mentor_id = ?", mentor.id());
        try {
            Response drifted = api().get("/api/finance/reconciliation?from=" + from + "&to="
                    + Instant.now().plusSeconds(1), auditor());
            assertThat(drifted.body().get("mismatches")).anySatisfy(m -> {
                assertThat(m.get("kind").asText()).isEqualTo("EARNINGS_BALANCE_DRIFT");
                assertThat(m.get("reference").asText()).isEqualTo(mentor.id() + " available");
            });
        } finally {
            jdbc.update("UPDATE mentor_earnings_view SET available = available - 1 WHERE mentor_id = ?", mentor.id());
        }
    }

    private static long count(JsonNode statement, String type) {
        long n = 0;
        for (JsonNode line : statement.get("lines")) {
            if (line.get("type").asText().equals(type)) {
                n++;
            }
        }
        return n;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }
}

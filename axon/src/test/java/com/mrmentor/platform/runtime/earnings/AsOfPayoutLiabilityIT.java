package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.EventLog;
import com.mrmentor.platform.shared.earnings.EarningsIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payout liability as of an instant, folded from the mentors' ledger events: after earnings and a payout request,
 * the figures as of the last of them are what the mentors' balances showed then, even after the payout is paid and
 * more is earned; the figures now are the balances now; over all mentors they equal the live read model.
 */
class AsOfPayoutLiabilityIT extends EarningsTestSupport {

    private static final String PAYOUTS = "/api/audit/liabilities/payouts";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLiabilityAsOfAnInstantIsWhatWasOwedThenAndNowIsWhatIsOwedNow() {
        Person paidOut = mentor();
        Person waiting = mentor();
        EventLog log = new EventLog(jdbc);

        // step 1: two sessions available to one mentor, one pending for the other; the first asks for a payout
        availableSession(paidOut, 2);
        settledSession(waiting, 1, Instant.now().minus(Duration.ofDays(1)));
        awaitEarnings(waiting, e -> e.get("pending").asLong() == NET_PER_TOKEN);
        UUID payoutId = payout(paidOut, 20_000, "asof@okhdfc");
        JsonNode paidOutThen = awaitEarnings(paidOut, e -> e.get("inPayout").asLong() == 20_000);
        JsonNode waitingThen = earnings(waiting.token(), waiting.id());
        List<String> ledgers = List.of(EarningsIds.ledger(paidOut.id()), EarningsIds.ledger(waiting.id()));
        Instant t1 = log.lastStoredAt(ledgers);

        // step 2: finance approves and sends the payout, the bank pays it; the waiting mentor earns an available one
        SimulatedPayoutProvider.Payout sent = sendNow(payoutId);
        assertThat(simulator().deliver(simulator().webhook(sent, "processed", "UTRASOF0001", null)).status())
                .isEqualTo(200);
        JsonNode paidOutNow = awaitEarnings(paidOut, e -> e.get("paid").asLong() == 20_000);
        availableSession(waiting, 1);
        JsonNode waitingNow = earnings(waiting.token(), waiting.id());

        String auditor = auditor();
        String both = "&mentorId=" + paidOut.id() + "&mentorId=" + waiting.id();
        JsonNode asOfT1 = liability(auditor, "asOf=" + t1 + both);
        assertSameAs(asOfT1, paidOutThen, waitingThen);
        assertThat(asOfT1.get("mentors").asLong()).isEqualTo(2);
        assertThat(asOfT1.get("openPayouts").asLong()).isEqualTo(1);
        assertThat(asOfT1.get("inPayout").asLong()).isEqualTo(20_000);
        assertThat(asOfT1.get("pending").asLong()).isEqualTo(NET_PER_TOKEN);
        assertThat(asOfT1.get("available").asLong()).isEqualTo(2 * NET_PER_TOKEN - 20_000);
        assertThat(asOfT1.get("owed").asLong()).isEqualTo(3 * NET_PER_TOKEN);

        JsonNode now = liability(auditor, both.substring(1));
        assertSameAs(now, paidOutNow, waitingNow);
        assertThat(now.get("openPayouts").asLong()).isZero();
        assertThat(now.get("inPayout").asLong()).isZero();
        assertThat(now.get("owed").asLong()).isEqualTo(4 * NET_PER_TOKEN - 20_000); // the bank paid 20 000

        assertThat(liability(auditor, "asOf=" + t1 + "&mentorId=" + waiting.id()).get("owed").asLong())
                .isEqualTo(NET_PER_TOKEN);

        // over every mentor: the live read model, once it has settled
        await("every mentor, now").atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> live = jdbc.queryForMap("SELECT COUNT(*) AS mentors, COALESCE(SUM(pending), 0) AS "
                    + "pending, COALESCE(SUM(available), 0) AS available, COALESCE(SUM(in_payout), 0) AS in_payout "
                    + "FROM mentor_earnings_view");
            JsonNode all = liability(auditor, "");
            assertThat(all.get("mentors").asLong()).isEqualTo(((Number) live.get("mentors")).longValue());
            assertThat(all.get("pending").asLong()).isEqualTo(((Number) live.get("pending")).longValue());
            assertThat(all.get("available").asLong()).isEqualTo(((Number) live.get("available")).longValue());
            assertThat(all.get("inPayout").asLong()).isEqualTo(((Number) live.get("in_payout")).longValue());
        });
    }

    @Test
    void financeAndAdminReadItMentorsAreRefusedAndAFutureInstantIsAProblem() {
        Person mentor = mentor();
        assertThat(api().get(PAYOUTS, finance()).status()).isEqualTo(200);
        assertThat(api().get(PAYOUTS, admin()).status()).isEqualTo(200);
        assertThat(api().get(PAYOUTS, mentor.token()).status()).isEqualTo(403);
        Response future = api().get(PAYOUTS + "?asOf=" + Instant.now().plus(Duration.ofMinutes(5)), auditor());
        assertProblem(future, 400, "as-of-in-future");
        assertProblem(api().get(PAYOUTS + "?asOf=2026-13-01T00:00:00Z", auditor()), 400, "validation");
    }

    private SimulatedPayoutProvider.Payout sendNow(UUID payoutId) {
        String finance = finance();
        Response approved = api().post("/api/payouts/" + payoutId + "/approve", finance, null);
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(200);
        Response sent = api().post("/api/payouts/" + payoutId + "/send", finance, null);
        assertThat(sent.status()).as("send: %s", sent).isEqualTo(200);
        return simulator().payout(payoutId.toString()).orElseThrow();
    }

    private JsonNode liability(String token, String query) {
        Response response = api().get(PAYOUTS + (query.isEmpty() ? "" : "?" + query), token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    /** The liability equals the sum of the mentors' pending, available and in-payout, and owes their sum. */
    private static void assertSameAs(JsonNode liability, JsonNode... balances) {
        long owed = 0;
        for (String figure : List.of("pending", "available", "inPayout")) {
            long sum = Arrays.stream(balances).mapToLong(b -> b.get(figure).asLong()).sum();
            assertThat(liability.get(figure).asLong()).as(figure).isEqualTo(sum);
            owed += sum;
        }
        assertThat(liability.get("owed").asLong()).isEqualTo(owed);
        assertThat(liability.get("withheldTds").asLong())
                .isEqualTo(Arrays.stream(balances).mapToLong(b -> b.get("withheld").asLong()).sum());
    }
}

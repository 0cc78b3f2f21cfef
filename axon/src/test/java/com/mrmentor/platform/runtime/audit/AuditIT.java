package com.mrmentor.platform.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.runtime.payments.SimulatedPaymentProvider;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import com.mrmentor.platform.shared.audit.ChainLink;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store as auditors use it, over HTTP on PostgreSQL: histories and states as of each step, the feed and its
 * export verified offline, a correlation across domains, tamper evidence, and the record of every audit read.
 */
class AuditIT extends PaymentIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWalletsHistoryAndItsStateAsOfEachEventMatchWhatWasDone() {
        UUID user = UUID.randomUUID();
        String wallet = WalletIds.of(user);
        tokens().grant(admin(), user, 10, "PAID");
        UUID spent = tokens().hold(admin(), user, 4);
        assertThat(tokens().capture(admin(), spent).status()).isEqualTo(200);
        UUID returned = tokens().hold(admin(), user, 2);
        assertThat(tokens().release(admin(), returned, "plans changed").status()).isEqualTo(200);

        ApiClient.Response history = api().get(eventsOf("TokenWallet", wallet), auditor());

        assertThat(history.status()).as("%s", history).isEqualTo(200);
        List<JsonNode> events = TokenApi.list(history.body().get("events"));
        assertThat(events).extracting(e -> simple(e.get("type").asText())).containsExactly("TokenWalletOpened",
                "TokensGranted", "TokensHeld", "TokenHoldCaptured", "TokensHeld", "TokenHoldReleased");
        UUID adminId = TokenApi.subjectOf(admin());
        long previousPosition = 0;
        for (JsonNode event : events) {
            assertThat(event.get("position").asLong()).isGreaterThan(previousPosition);
            previousPosition = event.get("position").asLong();
            assertThat(event.get("metadata").get("userId").asText()).isEqualTo(adminId.toString());
            assertThat(event.get("metadata").get("roles").asText()).contains("ADMIN");
            assertThat(event.get("metadata").get("correlationId").asText()).isNotBlank();
            assertThat(event.get("metadata").get("clientIp").asText()).isNotBlank();
            assertThat(event.get("metadata").get("platform").asText()).isEqualTo("mr-mentor");
            assertThat(event.get("timestamp").asText()).isNotBlank();
        }
        assertThat(events.get(1).get("payload").get("amount").asLong()).isEqualTo(10);

        // balance and held as each event left them, rebuilt by the wallet's own handlers
        long[][] expected = {{0, 0}, {10, 0}, {10, 4}, {6, 0}, {6, 2}, {6, 0}};
        for (int asked = 0; asked < events.size(); asked++) {
            String at = events.get(asked).get("timestamp").asText();
            // the last event stored at or before that instant (the wallet opens in its first grant's instant)
            int step = asked;
            while (step + 1 < events.size() && !Instant.parse(events.get(step + 1).get("timestamp").asText())
                    .isAfter(Instant.parse(at))) {
                step++;
            }
            JsonNode state = api().get(stateOf("TokenWallet", wallet, at), auditor()).body();
            assertThat(state.get("version").asLong()).as("version at step %d", step).isEqualTo(step);
            assertThat(state.get("eventsApplied").asLong()).isEqualTo(step + 1);
            assertThat(state.get("state").get("balance").asLong()).as("balance at step %d", step)
                    .isEqualTo(expected[step][0]);
            assertThat(state.get("state").get("held").asLong()).as("held at step %d", step)
                    .isEqualTo(expected[step][1]);
        }
        Instant beforeTheWallet = Instant.parse(events.get(0).get("timestamp").asText()).minusMillis(1);
        assertThat(api().get(stateOf("TokenWallet", wallet, beforeTheWallet.toString()), auditor()).status())
                .isEqualTo(404);
        JsonNode now = api().get("/api/audit/aggregates/TokenWallet/" + wallet + "/state", admin()).body();
        assertThat(now.get("state").get("balance").asLong()).isEqualTo(6);

        // paging the history
        JsonNode firstTwo = api().get(eventsOf("TokenWallet", wallet) + "?limit=2", auditor()).body();
        assertThat(firstTwo.get("events")).hasSize(2);
        JsonNode rest = api().get(eventsOf("TokenWallet", wallet) + "?limit=10&afterSequence="
                + firstTwo.get("nextSequence").asLong(), auditor()).body();
        assertThat(rest.get("events")).hasSize(4);
        assertThat(rest.get("nextSequence").isNull()).isTrue();

        // every link of the wallet's events is in the chain, once the chain processor has reached them
        await().atMost(WAIT).untilAsserted(() -> TokenApi.list(api().get(eventsOf("TokenWallet", wallet), auditor())
                .body().get("events")).forEach(event -> assertThat(event.get("chain").isNull()).isFalse()));
    }

    @Test
    void everyAggregateTypeIsRebuiltAsOfAnInstantByItsOwnHandlers() {
        payments().buy(newBuyer("audit-types").accessToken(), "pack-1", "KA", null);
        api().get("/api/audit/aggregates", auditor()); // an AuditTrail exists from here on

        JsonNode types = api().get("/api/audit/aggregates", auditor()).body().get("types");
        List<String> known = new ArrayList<>();
        types.forEach(type -> known.add(type.asText()));
        assertThat(known).contains("TokenWallet", "Booking", "Mentor", "UserAccount", "UserSession", "Invitation",
                "PaymentOrder", "GstDocument", "DocumentSeries", "PurchaseVoucher", "TaxSettings", "MentorEarnings",
                "Payout", "Lead", "AssignmentDesk", "SalesTarget", "BulkAssignmentRequest", "VendorApiKey",
                "MentorCircle", "SessionLog", "AuditTrail");
        List<String> rebuilt = new ArrayList<>();
        for (String type : known) {
            List<String> ids = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE type = ? "
                    + "ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY", String.class, type);
            if (ids.isEmpty()) {
                continue; // none made yet in this database
            }
            ApiClient.Response state = api().get("/api/audit/aggregates/" + type + "/"
                    + URLEncoder.encode(ids.get(0), StandardCharsets.UTF_8) + "/state", auditor());
            assertThat(state.status()).as("%s %s: %s", type, ids.get(0), state).isEqualTo(200);
            assertThat(state.body().get("state").isObject()).isTrue();
            assertThat(state.body().get("eventsApplied").asLong()).isPositive();
            rebuilt.add(type);
        }
        assertThat(rebuilt).contains("TokenWallet", "UserAccount", "UserSession", "PaymentOrder", "GstDocument",
                "DocumentSeries", "PurchaseVoucher", "AuditTrail");

        assertThat(api().get("/api/audit/aggregates/NoSuchThing/x/state", auditor()).status()).isEqualTo(404);
        assertThat(api().get("/api/audit/aggregates/TokenWallet/no-such-wallet/events", auditor()).status())
                .isEqualTo(404);
        assertThat(api().get(stateOf("TokenWallet", "w", "yesterday"), auditor()).status()).isEqualTo(400);
        ApiClient.Response future = api().get(stateOf("TokenWallet", "w", "2999-01-01T00:00:00Z"), auditor());
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.problemType()).endsWith("as-of-in-future");
    }

    @Test
    void onePurchaseIsOneCorrelationAcrossPaymentsTokensAndInvoicing() {
        IdentityApi.Tokens buyer = newBuyer("audit-correlation");
        ApiClient.Response ordered = payments().orderRequest(buyer.accessToken(),
                json("pack", "pack-5", "billingState", "MH"));
        assertThat(ordered.status()).as("%s", ordered).isEqualTo(201);
        SimulatedPaymentProvider.Payment payment = payments().pay(ordered.body());
        String requestId = "audit-" + UUID.randomUUID();
        ApiClient.Response confirmed = api().post("/api/payments/orders/" + ordered.body().get("orderId").asText()
                        + "/confirm", buyer.accessToken(),
                json("providerPaymentId", payment.paymentId(), "signature", payment.signature()),
                Map.of("X-Request-Id", requestId));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);

        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response chain = api().get("/api/audit/correlations/" + requestId, auditor());
            assertThat(chain.status()).as("%s", chain).isEqualTo(200);
            List<String> domains = new ArrayList<>();
            chain.body().get("domains").forEach(d -> domains.add(d.asText()));
            assertThat(domains).contains("PaymentOrder", "TokenWallet", "GstDocument");
            List<JsonNode> events = TokenApi.list(chain.body().get("events"));
            assertThat(events).extracting(e -> simple(e.get("type").asText()))
                    .contains("PaymentCaptured", "TokensGranted");
            events.forEach(e -> assertThat(e.get("metadata").get("correlationId").asText()).isEqualTo(requestId));
            // a bulk read: the client's address is not shown
            events.forEach(e -> assertThat(e.get("metadata").get("clientIp").asText()).isEqualTo("[redacted]"));
        });
        assertThat(api().get("/api/audit/correlations/no-such-request", auditor()).status()).isEqualTo(404);
    }

    @Test
    void theFeedPagesByPositionFiltersAndHidesPersonalData() {
        IdentityApi.Tokens person = newBuyer("audit-feed");
        UUID userId = TokenApi.subjectOf(person.accessToken());
        String requestId = "feed-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response granted = api().post("/api/tokens/grants", admin(), json("userId", userId, "amount", 1,
                    "category", "PAID", "reason", "feed " + i), Map.of("X-Request-Id", requestId + "-" + i));
            assertThat(granted.status()).as("%s", granted).isEqualTo(201);
        }
        String adminId = TokenApi.subjectOf(admin()).toString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(api().get("/api/audit/events?type=TokensGranted&actor="
                + adminId + "&correlationId=" + requestId + "-2", auditor()).body().get("events")).hasSize(1));

        // three grants of this wallet, one page at a time
        List<Long> positions = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 3; page++) {
            JsonNode body = api().get("/api/audit/events?type=TokensGranted&limit=1&afterPosition=" + after
                    + "&from=" + Instant.now().minus(Duration.ofMinutes(5)), auditor()).body();
            for (JsonNode event : body.get("events")) {
                if (event.get("aggregateId").asText().equals(WalletIds.of(userId))) {
                    positions.add(event.get("position").asLong());
                }
            }
            after = body.get("nextPosition").asLong();
            assertThat(body.get("indexedUpTo").asLong()).isGreaterThanOrEqualTo(after);
        }
        JsonNode all = api().get("/api/audit/events?type=com.mrmentor.platform.shared.tokens.TokensGranted"
                + "&platform=mr-mentor&limit=1000&from=" + Instant.now().minus(Duration.ofMinutes(5)), auditor()).body();
        List<JsonNode> mine = TokenApi.list(all.get("events")).stream()
                .filter(e -> e.get("aggregateId").asText().equals(WalletIds.of(userId))).toList();
        assertThat(mine).hasSize(3);
        assertThat(mine.get(0).get("payload").get("reason").asText()).isEqualTo("feed 0");

        // personal fields: redacted in the feed, decrypted in the account's own history
        JsonNode registered = TokenApi.list(api().get("/api/audit/events?type=AccountRegistered&limit=1000&from="
                + Instant.now().minus(Duration.ofMinutes(5)), auditor()).body().get("events")).stream()
                .filter(e -> e.get("payload").get("userId").asText().equals(userId.toString())).findFirst()
                .orElseThrow();
        assertThat(registered.get("payload").get("email").asText()).isEqualTo("[redacted]");
        JsonNode ownHistory = api().get(eventsOf(registered.get("aggregateType").asText(),
                registered.get("aggregateId").asText()), auditor()).body();
        assertThat(ownHistory.get("events").get(0).get("payload").get("email").asText()).contains("@");

        // bad input
        assertThat(api().get("/api/audit/events?limit=0", auditor()).status()).isEqualTo(400);
        assertThat(api().get("/api/audit/events?limit=5000", auditor()).status()).isEqualTo(400);
        assertThat(api().get("/api/audit/events?from=last-week", auditor()).status()).isEqualTo(400);
        assertThat(api().get("/api/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", auditor())
                .status()).isEqualTo(400);
        assertThat(api().get("/api/audit/events", student()).status()).isEqualTo(403);
        assertThat(api().get("/api/audit/events", finance()).status()).isEqualTo(403);
        assertThat(api().get("/api/audit/events", null).status()).isEqualTo(401);
    }

    @Test
    void anExportOfAPeriodStreamsJsonLinesThatVerifyOfflineWithTheDocumentedProcedure() throws Exception {
        Instant from = Instant.now();
        UUID user = UUID.randomUUID();
        tokens().grant(admin(), user, 7, "PAID");
        UUID hold = tokens().hold(admin(), user, 3);
        tokens().capture(admin(), hold);
        Instant to = Instant.now().plusMillis(1);
        awaitChained(WalletIds.of(user), 4);

        ApiClient.Response export = api().get("/api/audit/events?from=" + from + "&to=" + to, auditor(),
                Map.of("Accept", "application/x-ndjson"));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.rawBody().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).filteredOn(l -> l.get("aggregateId").asText().equals(WalletIds.of(user))).hasSize(4);
        // the documented procedure, step by step: links recomputed from the lines alone, numbers without gaps
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            JsonNode chain = line.get("chain");
            if (i > 0) {
                assertThat(chain.get("number").asLong()).isEqualTo(lines.get(i - 1).get("chain").get("number")
                        .asLong() + 1);
                assertThat(chain.get("previous").asText()).isEqualTo(lines.get(i - 1).get("chain").get("link")
                        .asText());
            }
            assertThat(recomputedLink(line)).isEqualTo(chain.get("link").asText());
        }
        // and the script auditors run, which needs nothing of ours
        Path file = Files.createTempFile("audit-export", ".ndjson");
        Files.writeString(file, export.rawBody());
        assertThat(runVerifier(file)).startsWith("OK: " + lines.size() + " events");
        // a line altered on its way to the auditor is caught
        String tampered = export.rawBody().replaceFirst("\"sequenceNumber\":0", "\"sequenceNumber\":9");
        Files.writeString(file, tampered);
        assertThat(runVerifier(file)).startsWith("BROKEN");
        // a line removed too
        List<String> raw = new ArrayList<>(List.of(export.rawBody().split("\n")));
        raw.remove(raw.size() / 2);
        Files.writeString(file, String.join("\n", raw));
        assertThat(runVerifier(file)).startsWith(raw.size() > 1 ? "INCOMPLETE" : "OK");

        // a period with no event exports nothing
        ApiClient.Response empty = api().get("/api/audit/events?from=2999-01-01T00:00:00Z", auditor(),
                Map.of("Accept", "application/x-ndjson"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.rawBody()).isEmpty();
    }

    @Test
    void alteringOneStoredEventByHandIsReportedAtItsPosition() {
        UUID user = UUID.randomUUID();
        String wallet = WalletIds.of(user);
        tokens().grant(admin(), user, 5, "PAID");
        tokens().grant(admin(), user, 6, "PAID");
        tokens().grant(admin(), user, 7, "PAID");
        List<JsonNode> events = awaitChained(wallet, 4); // opened, then three grants
        long first = events.get(1).get("position").asLong();
        long altered = events.get(2).get("position").asLong();
        long last = events.get(3).get("position").asLong();
        String range = "/api/audit/verify?from=" + first + "&to=" + last;
        JsonNode before = api().get(range, auditor()).body();
        assertThat(before.get("intact").asBoolean()).as("%s", before).isTrue();
        assertThat(before.get("checked").asLong()).isGreaterThanOrEqualTo(3);

        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, altered);
        String forged = new String(original, StandardCharsets.UTF_8).replace("\"amount\":6", "\"amount\":60");
        assertThat(forged).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                forged.getBytes(StandardCharsets.UTF_8), altered);
        try {
            JsonNode report = api().get(range, auditor()).body();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBreak").get("position").asLong()).isEqualTo(altered);
            assertThat(report.get("firstBreak").get("reason").asText()).isEqualTo("EVENT_ALTERED");
            assertThat(report.get("breaks").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, altered);
        }
        assertThat(api().get(range, auditor()).body().get("intact").asBoolean()).isTrue();

        // a stored link changed instead: told apart from an altered event
        String link = jdbc.queryForObject("SELECT link FROM audit_chain WHERE global_index = ?", String.class,
                altered);
        jdbc.update("UPDATE audit_chain SET link = ? WHERE global_index = ?", "f".repeat(64), altered);
        try {
            JsonNode report = api().get(range, auditor()).body();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBreak").get("position").asLong()).isEqualTo(altered);
            assertThat(report.get("firstBreak").get("reason").asText()).isEqualTo("LINK_ALTERED");
        } finally {
            jdbc.update("UPDATE audit_chain SET link = ? WHERE global_index = ?", link, altered);
        }
        // a link removed: reported once, at its number, and the links after it are not blamed
        Map<String, Object> removed = jdbc.queryForMap("SELECT * FROM audit_chain WHERE global_index = ?", altered);
        jdbc.update("DELETE FROM audit_chain WHERE global_index = ?", altered);
        try {
            JsonNode report = api().get(range, auditor()).body();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBreak").get("reason").asText()).isEqualTo("LINK_MISSING");
            assertThat(report.get("firstBreak").get("chainNumber").asLong())
                    .isEqualTo(((Number) removed.get("chain_number")).longValue());
            assertThat(report.get("breaks").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("INSERT INTO audit_chain (chain_number, global_index, occurred_at, link, chained_at) "
                            + "VALUES (?, ?, ?, ?, ?)", removed.get("chain_number"), removed.get("global_index"),
                    removed.get("occurred_at"), removed.get("link"), removed.get("chained_at"));
        }
        assertThat(api().get(range, auditor()).body().get("intact").asBoolean()).isTrue();
        assertThat(api().get("/api/audit/verify?from=soon", auditor()).status()).isEqualTo(400);
    }

    @Test
    void everyAuditReadIsItselfRecordedWithWhoReadWhat() {
        UUID user = UUID.randomUUID();
        tokens().grant(admin(), user, 3, "PAID");
        String path = eventsOf("TokenWallet", WalletIds.of(user));
        assertThat(api().get(path, auditor()).status()).isEqualTo(200);
        UUID auditorId = TokenApi.subjectOf(auditor());

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> reads = TokenApi.list(api().get("/api/audit/events?type=AuditReadRecorded&actor="
                    + auditorId + "&limit=1000&from=" + Instant.now().minus(Duration.ofMinutes(5)), admin())
                    .body().get("events"));
            assertThat(reads).anySatisfy(read -> {
                assertThat(read.get("payload").get("resource").asText()).isEqualTo(path);
                assertThat(read.get("payload").get("aggregateType").asText()).isEqualTo("TokenWallet");
                assertThat(read.get("payload").get("aggregateIdentifier").asText()).isEqualTo(WalletIds.of(user));
                assertThat(read.get("payload").get("readerId").asText()).isEqualTo(auditorId.toString());
                assertThat(read.get("metadata").get("roles").asText()).isEqualTo("AUDITOR");
            });
        });
        // the refused read of a student is not an audit read
        assertThat(api().get(path, student()).status()).isEqualTo(403);
    }

    /** The wallet's events once every one of them has its chain link. */
    private List<JsonNode> awaitChained(String wallet, int count) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            events.clear();
            events.addAll(TokenApi.list(api().get(eventsOf("TokenWallet", wallet), admin()).body().get("events")));
            assertThat(events).hasSize(count);
            events.forEach(event -> assertThat(event.get("chain").isNull()).isFalse());
        });
        return events;
    }

    /** The link of an exported line, computed from the line alone as docs/audit.md tells an auditor to. */
    private static String recomputedLink(JsonNode line) throws Exception {
        String canonical = String.join("\n", ChainLink.VERSION, line.get("position").asText(),
                text(line, "eventId"), text(line, "aggregateType"), text(line, "aggregateId"),
                text(line, "sequenceNumber"), text(line, "timestamp"), text(line, "payloadType"),
                text(line, "payloadRevision"), line.get("stored").get("payload").asText(),
                line.get("stored").get("metadataSha256").asText());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(HexFormat.of().parseHex(line.get("chain").get("previous").asText()));
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String runVerifier(Path export) throws IOException, InterruptedException {
        Path script = Path.of("..", "docs", "audit", "verify_export.py").toAbsolutePath().normalize();
        Process process = new ProcessBuilder("python3", script.toString(), export.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static String eventsOf(String type, String id) {
        return "/api/audit/aggregates/" + type + "/" + id + "/events";
    }

    private static String stateOf(String type, String id, String asOf) {
        return "/api/audit/aggregates/" + type + "/" + id + "/state?asOf=" + asOf;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

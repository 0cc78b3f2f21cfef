package com.mrmentor.platform.runtime.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.PaymentApi;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenWalletOpened;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code TokensGranted} revision 2 on a store that holds revision 1: a wallet whose events were stored by the old code
 * (rows inserted exactly as it wrote them, with the directory rows its transaction wrote) loads and acts, its read
 * models are built right through the upcaster, the reconciliation (which reads stored JSON) agrees with it, new grants
 * are stored as revision 2, and the old rows stay exactly as they were.
 */
class TokensGrantedRevisionsIT extends PaymentIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** TokensGranted as revision 1 wrote it: the same components in the same order, so Jackson writes the same JSON. */
    record TokensGrantedRevision1(UUID userId, UUID grantId, long amount, TokenCategory category, String reason,
                                  Instant expiresAt, UUID grantedBy, UUID approvedBy, long balanceAfter,
                                  long heldAfter) {
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aWalletStoredByRevisionOneLoadsActsAndReadsRightAndNewGrantsAreStoredAsRevisionTwo() throws Exception {
        String admin = admin();
        UUID adminId = TokenApi.subjectOf(admin);
        UUID owner = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID purchase = PaymentIds.grantOf(order);
        UUID welcome = UUID.randomUUID();
        Instant storedAt = Instant.now().minus(Duration.ofHours(2));

        // what the old code stored: the wallet opened by a purchase of 5 PAID tokens, then 3 PROMOTIONAL by an admin
        List<byte[]> oldPayloads = List.of(
                json.writeValueAsBytes(new TokenWalletOpened(owner)),
                json.writeValueAsBytes(new TokensGrantedRevision1(owner, purchase, 5, TokenCategory.PAID,
                        "token purchase, order " + order, null, null, null, 5, 0)),
                json.writeValueAsBytes(new TokensGrantedRevision1(owner, welcome, 3, TokenCategory.PROMOTIONAL,
                        "welcome pack", null, adminId, null, 8, 0)));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            store(owner, 0, TokenWalletOpened.class.getName(), oldPayloads.get(0), storedAt, owner, "STUDENT");
            store(owner, 1, TokensGranted.class.getName(), oldPayloads.get(1), storedAt, owner, "STUDENT");
            store(owner, 2, TokensGranted.class.getName(), oldPayloads.get(2), storedAt.plusSeconds(60), adminId,
                    "ADMIN");
            // the subscribing directory wrote these in the same transaction as the events
            for (UUID grant : List.of(purchase, welcome)) {
                jdbc.update("INSERT INTO token_wallet_directory (reference_id, reference_kind, user_id) "
                        + "VALUES (?, 'GRANT', ?)", grant, owner);
            }
        });

        // the read models, built from the revision-1 events through the upcaster
        await("the account from revision-1 events").atMost(WAIT).untilAsserted(() -> {
            JsonNode account = tokens().account(admin, owner);
            assertThat(account.get("balance").asLong()).isEqualTo(8);
            assertThat(account.get("available").asLong()).isEqualTo(8);
            assertThat(account.at("/byCategory/PAID").asLong()).isEqualTo(5);
            assertThat(account.at("/byCategory/PROMOTIONAL").asLong()).isEqualTo(3);
        });
        JsonNode bought = awaitGrant(admin, purchase);
        assertThat(bought.get("source").asText()).isEqualTo("PURCHASE");
        assertThat(bought.get("orderId").asText()).isEqualTo(order.toString());
        assertThat(bought.get("requestedBy").isNull()).isTrue();
        JsonNode given = awaitGrant(admin, welcome);
        assertThat(given.get("source").asText()).isEqualTo("MANUAL");
        assertThat(given.get("orderId").isNull()).isTrue();
        assertThat(given.get("requestedBy").asText()).isEqualTo(adminId.toString());

        // the aggregate, loaded from them, knows both lots: 9 is too many, 4 takes the promotional 3 first
        ApiClient.Response tooMany = tokens().holdRequest(admin, owner, 9, Instant.now().plus(Duration.ofHours(1)));
        assertThat(tooMany.status()).as("%s", tooMany).isEqualTo(409);
        assertThat(tooMany.problemType()).isEqualTo("/problems/insufficient-tokens");
        UUID hold = tokens().hold(admin, owner, 4);
        assertThat(tokens().capture(admin, hold).status()).isEqualTo(200);
        ApiClient.Response usedUp = tokens().revoke(admin, welcome, "used up already");
        assertThat(usedUp.status()).as("%s", usedUp).isEqualTo(409);
        UUID later = tokens().grant(admin, owner, 2, "PAID");

        List<JsonNode> history = tokens().history(admin, owner);
        JsonNode held = history.get(3);
        assertThat(TokenApi.simpleType(held)).isEqualTo("TokensHeld");
        assertThat(held.at("/payload/allocations/0/grantId").asText()).isEqualTo(welcome.toString());
        assertThat(held.at("/payload/allocations/0/amount").asLong()).isEqualTo(3);
        assertThat(held.at("/payload/allocations/1/grantId").asText()).isEqualTo(purchase.toString());
        assertThat(held.at("/payload/allocations/1/amount").asLong()).isEqualTo(1);
        JsonNode newGrant = history.get(history.size() - 1);
        assertThat(newGrant.at("/payload/grantId").asText()).isEqualTo(later.toString());
        assertThat(newGrant.get("revision").asText()).isEqualTo("2");
        assertThat(newGrant.at("/payload/source").asText()).isEqualTo("MANUAL");
        assertThat(newGrant.at("/payload/orderId").isNull()).isTrue();
        assertThat(newGrant.at("/payload/balanceAfter").asLong()).isEqualTo(6); // 8 - 4 captured + 2
        assertThat(held.get("revision").asText()).isEqualTo("1"); // unchanged events keep their revision

        // the stored revision-1 rows are exactly as they were written
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT payload_revision, payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number <= 2 ORDER BY sequence_number",
                WalletIds.of(owner));
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i).get("payload_revision")).isEqualTo("1");
            assertThat((byte[]) rows.get(i).get("payload")).isEqualTo(oldPayloads.get(i));
        }

        // the read models after acting, and the reconciliation from stored JSON of both revisions agree
        await("the account after acting").atMost(WAIT).untilAsserted(() ->
                assertThat(tokens().account(admin, owner).get("balance").asLong()).isEqualTo(6));
        assertThat(awaitGrant(admin, later).get("source").asText()).isEqualTo("MANUAL");
        await("the reconciliation").atMost(WAIT).untilAsserted(() -> {
            JsonNode report = reconciliation(storedAt.minusSeconds(1), Instant.now().plusSeconds(1));
            List<String> aboutThisWallet = TokenApi.list(report.get("mismatches")).stream()
                    .filter(m -> m.get("reference").asText().contains(owner.toString()))
                    .map(JsonNode::toString).toList();
            assertThat(aboutThisWallet).isEmpty();
        });
    }

    @Test
    void aPurchaseIsStoredAsRevisionTwoNamingItsOrder() {
        IdentityApi.Tokens buyer = newBuyer("revision-two-buyer");
        PaymentApi.Bought bought = payments().buy(buyer.accessToken(), "pack-1", "KA", null);
        UUID grant = PaymentIds.grantOf(bought.orderId());

        Map<String, Object> row = jdbc.queryForMap("SELECT payload_revision, payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ?", WalletIds.of(buyer.userId()),
                TokensGranted.class.getName());
        JsonNode payload = read((byte[]) row.get("payload"));

        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat(payload.get("grantId").asText()).isEqualTo(grant.toString());
        assertThat(payload.get("source").asText()).isEqualTo("PURCHASE");
        assertThat(payload.get("orderId").asText()).isEqualTo(bought.orderId().toString());
        assertThat(payload.get("grantedBy").isNull()).isTrue();
        JsonNode view = awaitGrant(admin(), grant);
        assertThat(view.get("source").asText()).isEqualTo("PURCHASE");
        assertThat(view.get("orderId").asText()).isEqualTo(bought.orderId().toString());
    }

    private void store(UUID owner, long sequence, String payloadType, byte[] payload, Instant at, UUID actor,
                       String roles) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String requestId = UUID.randomUUID().toString();
        metadata.put("userId", actor.toString());
        metadata.put("roles", roles);
        metadata.put("platform", "mr-mentor");
        metadata.put("correlationId", requestId);
        metadata.put("requestId", requestId);
        metadata.put("causationId", requestId);
        metadata.put("clientIp", "127.0.0.1");
        try {
            // global_index from its sequence, as the engine leaves it; revision "1" as the old classes declared
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                            + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "VALUES (?, ?, ?, 'TokenWallet', ?, ?, '1', ?, ?)", UUID.randomUUID().toString(),
                    WalletIds.of(owner), sequence, DateTimeUtils.formatInstant(at), payloadType, payload,
                    json.writeValueAsBytes(metadata));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitGrant(String token, UUID grantId) {
        JsonNode[] seen = new JsonNode[1];
        await("grant " + grantId).atMost(WAIT).until(() -> {
            ApiClient.Response response = tokens().grantView(token, grantId);
            seen[0] = response.body();
            return response.status() == 200;
        });
        return seen[0];
    }

    private JsonNode reconciliation(Instant from, Instant to) {
        ApiClient.Response response = api().get("/api/finance/reconciliation?from=" + from + "&to=" + to, finance());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

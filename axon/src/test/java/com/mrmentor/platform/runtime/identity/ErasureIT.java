package com.mrmentor.platform.runtime.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.PASSWORD;
import static com.mrmentor.platform.runtime.support.IdentityApi.VERIFICATION_SUBJECT;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a person: their name, e-mail and phone leave every answer and become unreadable in every stored event
 * (which were encrypted under their key from the start), while ids, amounts and balances stay.
 */
class ErasureIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void personalDataIsEncryptedInTheStoreAndReadableThroughTheApiBeforeErasure() {
        String name = "Zed Erasable-" + UUID.randomUUID();
        String email = newEmail("zed");
        String phone = uniquePhone();
        UUID userId = identity().signUpAndVerify(email, PASSWORD, name);
        completeProfile(identity().login(email, PASSWORD).accessToken(), name, phone);

        assertThat(rawPayloads(userId)).hasSizeGreaterThanOrEqualTo(3)
                .noneSatisfy(payload -> assertThat(payload).containsAnyOf(name, email, phone));
        ApiClient.Response events = api().get("/api/admin/users/" + userId + "/events", admin());
        assertThat(events.status()).isEqualTo(200);
        JsonNode registered = event(events, "AccountRegistered");
        assertThat(registered.get("name").asText()).isEqualTo(name);
        assertThat(registered.get("email").asText()).isEqualTo(email);
        assertThat(event(events, "ProfileCompleted").get("phone").asText()).isEqualTo(phone);
    }

    @Test
    void afterErasureTheNameAppearsInNoAnswerAndNoStoredEventWhileTheBalanceStays() {
        String name = "Zed Erasable-" + UUID.randomUUID();
        String email = newEmail("zed");
        UUID userId = identity().signUpAndVerify(email, PASSWORD, name);
        String phone = uniquePhone();
        IdentityApi.Tokens tokens = identity().login(email, PASSWORD);
        completeProfile(tokens.accessToken(), name, phone);
        String admin = admin();
        TokenApi ledger = new TokenApi(api());
        ledger.grant(admin, userId, 25, "PAID");
        JsonNode walletBefore = ledger.settledAccount(admin, userId);
        assertThat(identity().accountsMatching(admin, name)).as("control: found by name before").isEqualTo(1);

        ApiClient.Response erase = identity().adminPost(admin, userId, "erase", "GDPR request #42");

        assertThat(erase.status()).as("%s", erase).isEqualTo(204);
        List<String> reads = List.of(
                "/api/admin/users/" + userId,
                "/api/admin/users?q=erasable&size=200",
                "/api/admin/users?size=200",
                "/api/admin/users/" + userId + "/events",
                "/api/admin/users/" + userId + "/sessions",
                "/api/tokens/accounts/" + userId + "/history",
                "/api/tokens/accounts/" + userId + "/ledger",
                "/api/tokens/accounts/" + userId);
        List<ApiClient.Response> answers = reads.stream().map(path -> api().get(path, admin)).toList();
        for (int i = 0; i < reads.size(); i++) {
            assertThat(answers.get(i).status()).as(reads.get(i)).isEqualTo(200);
            assertThat(answers.get(i).rawBody()).as(reads.get(i)).doesNotContain(name, email, phone);
        }
        assertThat(identity().accountsMatching(admin, name)).isZero();
        assertThat(identity().accountsMatching(admin, email)).isZero();

        JsonNode account = answers.get(0).body();
        assertThat(account.get("status").asText()).isEqualTo("ERASED");
        assertThat(account.get("name").isNull()).isTrue();
        assertThat(account.get("email").isNull()).isTrue();
        assertThat(account.get("phone").isNull()).isTrue();
        JsonNode registered = event(answers.get(3), "AccountRegistered");
        assertThat(registered.get("name").asText()).isEqualTo("[erased]");
        assertThat(registered.get("email").asText()).isEqualTo("[erased]");
        assertThat(event(answers.get(3), "ProfileCompleted").get("phone").asText()).isEqualTo("[erased]");
        assertThat(event(answers.get(3), "PersonalDataErased").get("reason").asText()).isEqualTo("GDPR request #42");

        assertThat(rawPayloads(userId)).isNotEmpty()
                .noneSatisfy(payload -> assertThat(payload).containsAnyOf(name, email, phone));
        assertThat(storedRowsContaining(name)).as("events, metadata or snapshots holding the name").isZero();
        assertThat(storedRowsContaining(email)).as("events, metadata or snapshots holding the e-mail").isZero();
        assertThat(jdbc.queryForMap("SELECT name, email, phone FROM user_account WHERE user_id = ?", userId))
                .containsOnlyKeys("name", "email", "phone").allSatisfy((column, value) -> assertThat(value).isNull());

        JsonNode walletAfter = ledger.settledAccount(admin, userId);
        assertThat(walletAfter.get("balance").asLong()).isEqualTo(walletBefore.get("balance").asLong()).isEqualTo(25);
        assertThat(walletAfter.get("available").asLong()).isEqualTo(walletBefore.get("available").asLong());
    }

    @Test
    void anErasedPersonsTokensAndPasswordStopWorkingAndTheirEmailIsFreeAgain() {
        String name = "Zed Erasable-" + UUID.randomUUID();
        String email = newEmail("zed");
        UUID userId = identity().signUpAndVerify(email, PASSWORD, name);
        IdentityApi.Tokens tokens = identity().login(email, PASSWORD);

        assertThat(identity().adminPost(admin(), userId, "erase", "asked to be forgotten").status()).isEqualTo(204);

        assertProblem(identity().me(tokens.accessToken()), 401, "unauthenticated");
        assertThat(identity().refreshRequest(tokens.refreshToken()).status()).isEqualTo(401);
        assertProblem(identity().loginRequest(email, PASSWORD), 401, "invalid-credentials");

        int codes = identity().mailsWithSubject(email, VERIFICATION_SUBJECT).size();
        assertThat(identity().signUpRequest(email, PASSWORD, "Zed Again").status()).isEqualTo(202);
        String code = identity().awaitMail(email, VERIFICATION_SUBJECT, codes).code();
        ApiClient.Response verified = identity().verifyRequest(email, code);
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(verified.body().get("userId").asText()).isNotEqualTo(userId.toString());
        assertThat(identity().login(email, PASSWORD).userId()).isNotEqualTo(userId);
    }

    @Test
    void anErasedAccountCannotBeErasedOrReactivatedAgain() {
        UUID userId = identity().signUpAndVerify(newEmail("zed"), PASSWORD, "Zed Twice");
        String admin = admin();
        assertThat(identity().adminPost(admin, userId, "erase", "first").status()).isEqualTo(204);

        assertProblem(identity().adminPost(admin, userId, "erase", "second"), 409, "account-erased");
        assertProblem(identity().adminPost(admin, userId, "reactivate", "undo"), 409, "account-erased");
    }

    private static String uniquePhone() {
        return "+40 7" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private void completeProfile(String token, String name, String phone) {
        ApiClient.Response profile = api().post("/api/auth/profile", token, json("name", name, "phone", phone,
                "profession", "Tester", "domain", "Privacy"));
        assertThat(profile.status()).as("%s", profile).isEqualTo(200);
    }

    /** The account's stored event payloads, as the database holds them, read as UTF-8 text. */
    private List<String> rawPayloads(UUID userId) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number",
                (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), "account:" + userId);
    }

    /** How many stored events (payload or metadata, any aggregate) or snapshots contain {@code text}. */
    private long storedRowsContaining(String text) {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE position(convert_to(?, "
                + "'UTF8') IN payload) > 0 OR position(convert_to(?, 'UTF8') IN COALESCE(meta_data, ''::bytea)) > 0",
                Long.class, text, text);
        Long snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_event_entry WHERE position(convert_to(?, "
                + "'UTF8') IN payload) > 0", Long.class, text);
        return events + snapshots;
    }

    /** The payload of the account's (first) event of {@code type}, from the events endpoint. */
    private static JsonNode event(ApiClient.Response events, String type) {
        return TokenApi.list(events.body()).stream()
                .filter(e -> TokenApi.simpleType(e).equals(type))
                .findFirst()
                .map(e -> e.get("payload"))
                .orElseThrow(() -> new AssertionError("no " + type + " in " + events));
    }
}

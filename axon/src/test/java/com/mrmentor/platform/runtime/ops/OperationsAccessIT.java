package com.mrmentor.platform.runtime.ops;

import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.OpsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may operate the event processors, and what is refused: unknown names (404), groups that are not replayable
 * read models (409: sagas, subscribing groups, groups with side effects), AUDITOR's actions and everyone else's reads
 * (403). A refusal changes nothing: no token is reset and nothing is recorded.
 */
class OperationsAccessIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private OpsApi ops() {
        return new OpsApi(api());
    }

    @Test
    void unknownProcessorsAndLettersAreNotFound() {
        String admin = admin();
        assertProblem(ops().replay(admin, "no-such-group"), 404, "processor-not-found");
        assertProblem(api().get("/api/admin/projections/no-such-group", admin), 404, "processor-not-found");
        assertProblem(api().get("/api/admin/projections/no-such-group/checksum", admin), 404, "processor-not-found");
        assertProblem(api().get("/api/admin/dead-letters?group=no-such-group", admin), 404, "processor-not-found");
        String letter = UUID.randomUUID().toString();
        assertProblem(ops().retry(admin, letter), 404, "dead-letter-not-found");
        assertProblem(ops().evict(admin, letter, "a reason"), 404, "dead-letter-not-found");
    }

    @Test
    void onlyDeclaredReadModelsMayBeReplayedAndARefusalChangesNothing() {
        String admin = admin();
        List<String> refused = new ArrayList<>(List.of("payout-mail", "gst-redemptions", "earnings-accrual",
                "crm-arrivals", "booking-calendar", "identity-accounts", "audit-chain"));
        ops().processors(admin).body().forEach(p -> {
            if (p.get("notReplayableBecause").asText("").contains("saga")) {
                refused.add(p.get("name").asText());
            }
        });
        assertThat(refused).contains("BookingSagaProcessor", "PayoutSagaProcessor");
        String tokensBefore = tokens();
        long operationsBefore = operations();
        for (String group : refused) {
            Response replay = ops().replay(admin, group);
            assertProblem(replay, 409, "not-replayable");
            assertThat(replay.body().get("detail").asText()).contains(group);
        }
        assertThat(ops().replay(admin, "earnings-accrual").body().get("detail").asText())
                .contains("side effects");
        assertThat(ops().replay(admin, "booking-calendar").body().get("detail").asText()).contains("subscribing");
        assertThat(ops().replay(admin, "audit-chain").body().get("detail").asText()).contains("tamper-evidence");
        assertProblem(api().get("/api/admin/projections/payout-mail/checksum", admin), 409, "not-a-read-model");
        assertThat(tokens()).isEqualTo(tokensBefore);
        assertThat(operations()).isEqualTo(operationsBefore);
    }

    @Test
    void anAuditorReadsButNeverActsAndOtherRolesSeeNothing() {
        String auditor = auditor();
        assertThat(ops().processors(auditor).status()).isEqualTo(200);
        assertThat(api().get("/api/admin/projections/token-ledger", auditor).status()).isEqualTo(200);
        assertThat(api().get("/api/admin/projections/token-ledger/checksum", auditor).status()).isEqualTo(200);
        assertThat(api().get("/api/admin/dead-letters", auditor).status()).isEqualTo(200);
        assertThat(api().get("/api/admin/projection-operations", auditor).status()).isEqualTo(200);
        String letter = UUID.randomUUID().toString();
        assertProblem(ops().replay(auditor, "token-ledger"), 403, "forbidden");
        assertProblem(ops().retry(auditor, letter), 403, "forbidden");
        assertProblem(ops().evict(auditor, letter, "not mine to do"), 403, "forbidden");

        for (String other : List.of(student(), finance())) {
            assertProblem(ops().processors(other), 403, "forbidden");
            assertProblem(api().get("/api/admin/dead-letters", other), 403, "forbidden");
            assertProblem(api().get("/api/admin/projections/token-ledger/checksum", other), 403, "forbidden");
            assertProblem(ops().replay(other, "token-ledger"), 403, "forbidden");
        }
        assertProblem(ops().processors(null), 401, "unauthenticated");
    }

    @Test
    void badInputIsAClearProblem() {
        String admin = admin();
        Response limit = api().get("/api/admin/dead-letters?limit=0", admin);
        assertProblem(limit, 400, "validation");
        assertThat(limit.body().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertProblem(api().get("/api/admin/projection-operations?limit=abc", admin), 400, "validation");
        Response noBody = api().post("/api/admin/dead-letters/" + UUID.randomUUID() + "/evict", admin, json());
        assertProblem(noBody, 400, "validation");
        assertThat(noBody.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("/problems/" + code);
    }

    private String tokens() {
        return String.join("|", jdbc.queryForList("SELECT processor_name || ':' || segment || ':' || "
                + "COALESCE(token_type, '') FROM token_entry ORDER BY processor_name, segment", String.class));
    }

    private long operations() {
        return jdbc.queryForObject("SELECT count(*) FROM projection_operation", Long.class);
    }

}

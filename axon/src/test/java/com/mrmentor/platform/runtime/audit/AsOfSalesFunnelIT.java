package com.mrmentor.platform.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.CrmApi;
import com.mrmentor.platform.runtime.support.CrmApi.Person;
import com.mrmentor.platform.runtime.support.EventLog;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.LeadStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.CrmApi.newCampaign;
import static com.mrmentor.platform.runtime.support.CrmApi.newPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sales funnel as of an instant, folded from the leads' events: leads captured, assigned and moved through the
 * pipeline over HTTP; as of the last of those moves the stages are what the lead list showed then, even after more
 * moves, a new lead and a merge; now they are what the list shows now; over all leads they equal the live dashboard.
 */
class AsOfSalesFunnelIT extends IntegrationTest {

    private static final String FUNNEL = "/api/audit/sales-funnel";

    @Autowired
    JdbcTemplate jdbc;

    private CrmApi crm() {
        return new CrmApi(api(), identity(), this::admin);
    }

    @Test
    void theStagesAsOfAnInstantAreWhereTheLeadsStoodThenAndNowWhereTheyStandNow() {
        Person head = crm().newPerson("funnel-head", "SALES_HEAD");
        Person rep = crm().newPerson("funnel-rep", "SALES_REP");
        String campaign = newCampaign("asof");
        EventLog log = new EventLog(jdbc);

        // step 1: four leads; three assigned to the rep, who calls one and loses another; one stays new
        UUID called = crm().enterLead(head.token(), newPhone(), campaign);
        UUID lost = crm().enterLead(head.token(), newPhone(), campaign);
        UUID waiting = crm().enterLead(head.token(), newPhone(), campaign);
        UUID fresh = crm().enterLead(head.token(), newPhone(), campaign);
        Response assigned = crm().assign(head.token(), List.of(called, lost, waiting), rep.id());
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
        assertThat(api().post("/api/crm/leads/" + called + "/activities", rep.token(),
                json("type", "CALL", "durationSeconds", 40)).status()).isEqualTo(201);
        assertThat(api().post("/api/crm/leads/" + lost + "/status", rep.token(),
                json("status", "LOST", "reason", "bought elsewhere")).status()).isEqualTo(204);
        Map<String, Long> stagesThen = awaitStages(head.token(), campaign,
                Map.of("ASSIGNED", 1L, "CONTACTED", 1L, "LOST", 1L, "NEW", 1L));
        List<UUID> firstLeads = List.of(called, lost, waiting, fresh);
        Instant t1 = log.lastStoredAt(firstLeads.stream().map(CrmIds::lead).toList());
        Instant beforeAnything = log.firstStoredAt(firstLeads.stream().map(CrmIds::lead).toList()).minusMillis(1);

        // step 2: one moves on, the new one is not interested, another lead arrives, and the called one is merged
        assertThat(api().post("/api/crm/leads/" + waiting + "/status", rep.token(),
                json("status", "INTERESTED")).status()).isEqualTo(204);
        assertThat(api().post("/api/crm/leads/" + fresh + "/status", head.token(),
                json("status", "NOT_INTERESTED", "reason", "wrong number")).status()).isEqualTo(204);
        crm().enterLead(head.token(), newPhone(), campaign);
        Response merged = api().post("/api/crm/leads/" + waiting + "/merge", head.token(),
                json("mergedLeadId", called));
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        Map<String, Long> stagesNow = awaitStages(head.token(), campaign,
                Map.of("INTERESTED", 1L, "LOST", 1L, "NOT_INTERESTED", 1L, "NEW", 1L));

        String auditor = auditor();
        JsonNode asOfT1 = funnel(auditor, "asOf=" + t1 + "&campaignId=" + campaign);
        assertThat(asOfT1.get("campaignId").asText()).isEqualTo(campaign);
        assertThat(stages(asOfT1)).isEqualTo(stagesThen);
        assertThat(asOfT1.get("captured").asLong()).isEqualTo(4);
        assertThat(asOfT1.get("open").asLong()).isEqualTo(3);
        assertThat(asOfT1.get("lost").asLong()).isEqualTo(1);
        assertThat(asOfT1.get("converted").asLong()).isZero();
        assertThat(asOfT1.get("merged").asLong()).isZero();

        JsonNode now = funnel(auditor, "campaignId=" + campaign);
        assertThat(stages(now)).isEqualTo(stagesNow);
        assertThat(now.get("captured").asLong()).isEqualTo(5);
        assertThat(now.get("merged").asLong()).isEqualTo(1);
        assertThat(now.get("open").asLong()).isEqualTo(2);
        assertThat(now.get("lost").asLong()).isEqualTo(2);

        JsonNode empty = funnel(auditor, "asOf=" + beforeAnything + "&campaignId=" + campaign);
        assertThat(empty.get("captured").asLong()).isZero();
        assertThat(funnel(auditor, "campaignId=" + campaign + "&source=WEBSITE_FORM").get("captured").asLong())
                .isZero();
        assertThat(funnel(auditor, "campaignId=" + campaign + "&source=MANUAL").get("captured").asLong())
                .isEqualTo(5);

        // over every lead: the live dashboard's funnel, once the read model has settled
        await("the whole funnel, now").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response dashboard = api().get("/api/crm/dashboard", head.token());
            assertThat(dashboard.status()).isEqualTo(200);
            Map<String, Long> live = new LinkedHashMap<>();
            dashboard.body().get("funnel").fields().forEachRemaining(f -> live.put(f.getKey(), f.getValue().asLong()));
            assertThat(stages(funnel(auditor, ""))).isEqualTo(live);
        });
    }

    @Test
    void salesHeadsAndAdminsReadItRepsAndFinanceAreRefusedAndBadInputIsAProblem() {
        Person head = crm().newPerson("funnel-reader", "SALES_HEAD");
        Person rep = crm().newPerson("funnel-nosy", "SALES_REP");
        assertThat(api().get(FUNNEL, head.token()).status()).isEqualTo(200);
        assertThat(api().get(FUNNEL, admin()).status()).isEqualTo(200);
        assertThat(api().get(FUNNEL, rep.token()).status()).isEqualTo(403);
        assertThat(api().get(FUNNEL, finance()).status()).isEqualTo(403);

        String auditor = auditor();
        Response badSource = api().get(FUNNEL + "?source=BILLBOARD", auditor);
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.problemType()).isEqualTo("/problems/validation");
        Response badInstant = api().get(FUNNEL + "?asOf=2026-11-21", auditor);
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.header("Content-Type")).startsWith("application/problem+json");
        Response future = api().get(FUNNEL + "?asOf=" + Instant.now().plus(Duration.ofDays(1)), auditor);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.problemType()).isEqualTo("/problems/as-of-in-future");
    }

    private JsonNode funnel(String token, String query) {
        Response response = api().get(FUNNEL + (query.isEmpty() ? "" : "?" + query), token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Long> stages(JsonNode funnel) {
        Map<String, Long> stages = new LinkedHashMap<>();
        funnel.get("stages").fields().forEachRemaining(f -> stages.put(f.getKey(), f.getValue().asLong()));
        return stages;
    }

    /**
     * The campaign's leads per stage as the live lead list shows them (every stage listed), once it shows
     * {@code expected} (stages not named: none).
     */
    private Map<String, Long> awaitStages(String token, String campaign, Map<String, Long> expected) {
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (LeadStatus status : LeadStatus.values()) {
            wanted.put(status.name(), expected.getOrDefault(status.name(), 0L));
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        await("the campaign's leads " + expected).atMost(CrmApi.READ_MODEL_WAIT).untilAsserted(() -> {
            Response page = api().get("/api/crm/leads?size=200&campaignId=" + campaign, token);
            assertThat(page.status()).isEqualTo(200);
            seen.clear();
            for (LeadStatus status : LeadStatus.values()) {
                seen.put(status.name(), 0L);
            }
            page.body().get("leads").forEach(l -> seen.merge(l.get("status").asText(), 1L, Long::sum));
            assertThat(seen).isEqualTo(wanted);
        });
        return Map.copyOf(seen);
    }
}

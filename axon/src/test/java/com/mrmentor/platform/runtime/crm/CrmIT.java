package com.mrmentor.platform.runtime.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.CrmApi;
import com.mrmentor.platform.runtime.support.CrmApi.Person;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.CrmApi.newCampaign;
import static com.mrmentor.platform.runtime.support.CrmApi.newPhone;
import static com.mrmentor.platform.runtime.support.CrmApi.rule;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sales CRM over HTTP on PostgreSQL: capture from several sources with de-duplication (also under a race),
 * assignment by versioned rules (round robin 4/3/3 that replays the same, paused reps, capacity overflow into the
 * visible queue and the sweep), the approval gate with its 48-hour lapse, the first-contact SLA, the temperature rule,
 * ownership of leads, the website form's honeypot and rate limit, and refused input that records nothing.
 *
 * <p>The rule list is global: every test publishes its own rules matching only its own campaign, so leads of other
 * tests never reach its reps.
 */
class CrmIT extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    private CrmApi crm() {
        return new CrmApi(api(), identity(), this::admin);
    }

    // ---- capture and de-duplication -------------------------------------------------------------------------------

    @Test
    void theSamePhoneFromThreeSourcesIsOneLeadWithTwoDuplicateRecords() {
        String head = admin();
        Person rep = crm().newPerson("dedupe-rep", "SALES_REP");
        String phone = newPhone();
        String campaign = newCampaign("dedupe");

        Response manual = crm().enter(rep.token(), json("name", "Asha Rao", "phone", phone, "campaignId", campaign));
        assertThat(manual.status()).as("%s", manual).isEqualTo(201);
        UUID leadId = UUID.fromString(manual.body().get("leadId").asText());
        assertThat(manual.body().get("duplicate").asBoolean()).isFalse();

        CrmApi.travelToFreshFormWindow(clock); // a rate-limit window of its own for the form
        Response form = crm().form(json("name", "Asha R.", "phone", "+91 " + phone.substring(0, 5) + " "
                + phone.substring(5), "campaignId", "website-" + campaign, "city", "Pune"));
        clock.reset();
        assertThat(form.status()).as("%s", form).isEqualTo(202);
        Response byHead = crm().enter(head, json("name", "Asha", "phone", "0" + phone, "email", "ASHA@Example.com"));
        assertThat(byHead.status()).as("%s", byHead).isEqualTo(200);
        assertThat(byHead.body().get("leadId").asText()).isEqualTo(leadId.toString());
        assertThat(byHead.body().get("duplicate").asBoolean()).isTrue();
        assertThat(byHead.body().get("matchedOn").asText()).isEqualTo("phone");

        JsonNode lead = crm().awaitLead(head, leadId, l -> l.path("duplicates").asInt() == 2);
        assertThat(lead.get("phone").asText()).isEqualTo("+91" + phone);
        assertThat(lead.get("source").asText()).isEqualTo("MANUAL");
        JsonNode page = crm().search(head, "q=" + phone).body();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        List<String> sources = new ArrayList<>();
        for (JsonNode entry : crm().timeline(head, leadId)) {
            if (entry.get("type").asText().equals("DUPLICATE_DETECTED")) {
                sources.add(entry.get("detail").get("source").asText());
                assertThat(entry.get("detail").get("rawPayload").asText()).contains("campaignId");
            }
        }
        // the form arrived with the clock moved ten years ahead, so its record sorts last in the timeline
        assertThat(sources).containsExactly("MANUAL", "WEBSITE_FORM");
    }

    @Test
    void arrivalsOfTheSameNumberAtOnceEndAsOneLeadAndDuplicates() throws Exception {
        String head = admin();
        String phone = newPhone();
        int arrivals = 6;
        ExecutorService pool = Executors.newFixedThreadPool(arrivals);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < arrivals; i++) {
                int n = i;
                Callable<Response> arrival = () -> crm().enter(head, json("name", "Racer " + n, "phone", phone));
                answers.add(pool.submit(arrival));
            }
            int created = 0;
            int duplicates = 0;
            UUID leadId = null;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.status()).as("%s", response).isIn(200, 201);
                if (response.status() == 201) {
                    created++;
                    leadId = UUID.fromString(response.body().get("leadId").asText());
                } else {
                    duplicates++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(duplicates).isEqualTo(arrivals - 1);
            crm().awaitLead(head, leadId, l -> l.path("duplicates").asInt() == arrivals - 1);
            assertThat(crm().search(head, "q=" + phone).body().get("total").asLong()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRefusedWithAProblemAndRecordsNothing() {
        String head = admin();
        String marker = "Nobody" + UUID.randomUUID().toString().substring(0, 6);
        assertProblem(crm().enter(head, json("name", marker)), 422, "missing-phone-or-email");
        assertProblem(crm().enter(head, json("name", marker, "phone", "12345")), 422, "invalid-phone");
        assertProblem(crm().enter(head, json("name", marker, "phone", "98x65")), 422, "invalid-phone");
        Response badEmail = crm().enter(head, json("name", marker, "email", "not-an-address"));
        assertThat(badEmail.status()).as("%s", badEmail).isEqualTo(400);
        assertThat(crm().search(head, "q=" + marker).body().get("total").asLong()).isZero();
        Person student = new Person(STUDENT_ID, student(), "student@test.local");
        assertThat(crm().enter(student.token(), json("phone", newPhone())).status()).isEqualTo(403);
    }

    @Test
    void theWebsiteFormDropsHoneypotSubmissionsAndIsLimitedPerAddress() {
        String head = admin();
        CrmApi.travelToFreshFormWindow(clock); // a window no other test's hits reach
        String campaign = newCampaign("form");
        String trapped = newPhone();
        Response bot = crm().form(json("name", "Bot", "phone", trapped, "campaignId", campaign,
                "website", "http://spam.example"));
        assertThat(bot.status()).isEqualTo(202);
        assertThat(bot.body().get("received").asBoolean()).isTrue();
        for (int i = 1; i < 5; i++) {
            assertThat(crm().form(json("name", "Person " + i, "phone", newPhone(), "campaignId", campaign)).status())
                    .isEqualTo(202);
        }
        Response limited = crm().form(json("name", "One too many", "phone", newPhone(), "campaignId", campaign));
        assertProblem(limited, 429, "too-many-form-submissions");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertProblem(crm().form(json("name", "No campaign", "phone", newPhone())), 400, "validation");
        clock.reset();

        crm().awaitRead("/api/crm/leads?campaignId=" + campaign, head, p -> p.path("total").asLong() == 4);
        assertThat(crm().search(head, "q=" + trapped).body().get("total").asLong()).isZero();
    }

    // ---- assignment ---------------------------------------------------------------------------------------------

    @Test
    void roundRobinOverThreeRepsAssignsTenLeadsFourThreeThreeAndReplaysTheSame() throws Exception {
        String head = admin();
        Person a = crm().newPerson("rr-a", "SALES_REP");
        Person b = crm().newPerson("rr-b", "SALES_REP");
        Person c = crm().newPerson("rr-c", "SALES_REP");
        String campaign = newCampaign("rr");
        Response published = crm().publishRules(head, List.of(rule("rr", campaign, "ROUND_ROBIN", a.id(), b.id(),
                c.id())));
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        int version = published.body().get("version").asInt();

        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            leads.add(crm().enterLead(head, newPhone(), campaign));
        }

        Map<String, Integer> counts = awaitOwners(head, campaign, 10);
        assertThat(counts).containsEntry(a.id().toString(), 4).containsEntry(b.id().toString(), 3)
                .containsEntry(c.id().toString(), 3);
        JsonNode first = crm().lead(head, leads.get(0)).body();
        assertThat(first.get("ownerId").asText()).isEqualTo(a.id().toString());
        assertThat(first.get("ruleId").asText()).isEqualTo("rr");
        assertThat(first.get("ruleVersion").asInt()).isEqualTo(version);
        assertThat(first.get("strategy").asText()).isEqualTo("ROUND_ROBIN");
        assertThat(first.get("status").asText()).isEqualTo("ASSIGNED");
        JsonNode assigned = find(crm().timeline(head, leads.get(0)), "ASSIGNED");
        assertThat(assigned.get("detail").get("ruleVersion").asInt()).isEqualTo(version);
        assertThat(assigned.get("detail").has("assignedBy")).isFalse(); // the platform itself, on arrival
        assertThat(a.id().toString()).isEqualTo(assigned.get("detail").get("repId").asText());

        // the read model rebuilt from the events alone gives the same split
        StreamingEventProcessor projection = processing.eventProcessor("crm-leads", StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        Map<String, Integer> replayed = awaitOwners(head, campaign, 10, Duration.ofMinutes(5));
        assertThat(replayed).isEqualTo(counts);
    }

    @Test
    void aPausedRepReceivesNothingAndCapacityOverflowWaitsVisiblyInTheQueueUntilTheSweep() {
        String head = admin();
        Person paused = crm().newPerson("paused", "SALES_REP");
        Person busy = crm().newPerson("busy", "SALES_REP");
        crm().configureRep(head, paused.id(), 50, "PAUSED");
        crm().configureRep(head, busy.id(), 2, "ACTIVE");
        String campaign = newCampaign("cap");
        assertThat(crm().publishRules(head, List.of(rule("cap", campaign, "FEWEST_OPEN", paused.id(), busy.id())))
                .status()).isEqualTo(200);

        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(crm().enterLead(head, newPhone(), campaign));
        }

        JsonNode queuedPage = crm().awaitRead("/api/crm/leads?queued=true&campaignId=" + campaign, head,
                p -> p.path("total").asLong() == 1);
        JsonNode queued = queuedPage.get("leads").get(0);
        assertThat(queued.get("queueReason").asText()).isEqualTo("no-eligible-rep");
        assertThat(queued.get("ownerId").isNull()).isTrue();
        Map<String, Integer> owners = awaitOwners(head, campaign, 2);
        assertThat(owners).containsOnlyKeys(busy.id().toString());
        assertThat(crm().search(head, "ownerId=" + paused.id()).body().get("total").asLong()).isZero();
        JsonNode dashboard = api().get("/api/crm/dashboard", head).body();
        assertThat(dashboard.get("unassigned").asLong()).isGreaterThanOrEqualTo(1);

        crm().configureRep(head, busy.id(), 5, "ACTIVE");
        Response swept = api().post("/api/crm/assignment/sweep", head, null);
        assertThat(swept.status()).as("%s", swept).isEqualTo(200);
        assertThat(swept.body().get("assigned").asInt()).isGreaterThanOrEqualTo(1);
        crm().awaitLead(head, UUID.fromString(queued.get("leadId").asText()),
                l -> busy.id().toString().equals(l.path("ownerId").asText()) && !l.path("queued").asBoolean());
    }

    @Test
    void leadsMatchingNoRuleWaitInTheQueue() {
        String head = admin();
        UUID lead = crm().enterLead(head, newPhone(), newCampaign("nobody"));
        JsonNode seen = crm().awaitLead(head, lead, l -> l.path("queued").asBoolean());
        assertThat(seen.get("queueReason").asText()).isEqualTo("no-matching-rule");
        assertThat(seen.get("status").asText()).isEqualTo("NEW");
    }

    // ---- approval gate ------------------------------------------------------------------------------------------

    @Test
    void aSalesRepsBulkRequestWaitsForApprovalAndLapsesAfter48Hours() {
        String head = admin();
        Person rep = crm().newPerson("requester", "SALES_REP");
        List<UUID> leads = List.of(crm().enterLead(head, newPhone(), newCampaign("lapse")),
                crm().enterLead(head, newPhone(), newCampaign("lapse")));

        clock.travelTo(Instant.now().minus(Duration.ofHours(48)).plus(Duration.ofSeconds(4)));
        Response requested = crm().assign(rep.token(), leads, rep.id());
        clock.reset();
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        assertThat(requested.body().get("mode").asText()).isEqualTo("REQUESTED");
        UUID requestId = UUID.fromString(requested.body().get("requestId").asText());

        JsonNode pending = crm().awaitRead("/api/crm/assignments/" + requestId, rep.token(),
                r -> "PENDING".equals(r.path("status").asText()));
        assertThat(pending.get("leadIds")).hasSize(2);
        JsonNode lapsed = crm().awaitRead("/api/crm/assignments/" + requestId, head,
                r -> "LAPSED".equals(r.path("status").asText()));
        assertThat(lapsed.get("decidedBy").isNull()).isTrue();
        assertProblem(api().post("/api/crm/assignments/" + requestId + "/approve", head, json("comment", "late")),
                409, "assignment-request-decided");
        for (UUID lead : leads) {
            assertThat(crm().lead(head, lead).body().get("ownerId").isNull()).isTrue();
        }
    }

    @Test
    void anApprovedRequestIsCarriedOutLeadByLeadAndRecordsTheRequestAndApprover() {
        String head = admin();
        Person rep = crm().newPerson("approved", "SALES_REP");
        List<UUID> leads = List.of(crm().enterLead(head, newPhone(), newCampaign("approve")),
                crm().enterLead(head, newPhone(), newCampaign("approve")));
        Response requested = crm().assign(rep.token(), leads, rep.id());
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        UUID requestId = UUID.fromString(requested.body().get("requestId").asText());
        assertProblem(api().post("/api/crm/assignments/" + requestId + "/approve", rep.token(), null), 403,
                "forbidden");
        Person salesHead = crm().newPerson("head", "SALES_HEAD");
        assertProblem(api().post("/api/crm/assignments/" + requestId + "/reject", salesHead.token(), json()), 422,
                "missing-comment");

        Response approved = api().post("/api/crm/assignments/" + requestId + "/approve", salesHead.token(),
                json("comment", "fine"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(204);

        JsonNode done = crm().awaitRead("/api/crm/assignments/" + requestId, head,
                r -> "CARRIED_OUT".equals(r.path("status").asText()));
        assertThat(done.get("assigned").asInt()).isEqualTo(2);
        assertThat(done.get("decidedBy").asText()).isEqualTo(salesHead.id().toString());
        JsonNode lead = crm().awaitLead(rep.token(), leads.get(0), l -> rep.id().toString()
                .equals(l.path("ownerId").asText()));
        assertThat(lead.get("strategy").asText()).isEqualTo("MANUAL");
        JsonNode assigned = find(crm().timeline(head, leads.get(0)), "ASSIGNED");
        assertThat(assigned.get("detail").get("requestId").asText()).isEqualTo(requestId.toString());
        assertThat(assigned.get("detail").get("assignedBy").asText()).isEqualTo(salesHead.id().toString());
        assertThat(assigned.get("actor").asText()).isEqualTo(salesHead.id().toString());
    }

    @Test
    void aSalesHeadAssignsUpToTwentyLeadsDirectlyAndMoreBecomeARequest() {
        String head = admin();
        Person rep = crm().newPerson("direct", "SALES_REP");
        UUID one = crm().enterLead(head, newPhone(), newCampaign("direct"));
        Response direct = crm().assign(head, List.of(one), rep.id());
        assertThat(direct.status()).as("%s", direct).isEqualTo(200);
        assertThat(direct.body().get("mode").asText()).isEqualTo("DIRECT");
        assertProblem(crm().assign(head, List.of(one), rep.id()), 409, "already-assigned-to-rep");
        assertProblem(crm().assign(head, List.of(UUID.randomUUID()), rep.id()), 404, "lead-not-found");

        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(UUID.randomUUID());
        }
        Response bulk = crm().assign(head, many, rep.id());
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(202);
        assertThat(bulk.body().get("mode").asText()).isEqualTo("REQUESTED");
        UUID requestId = UUID.fromString(bulk.body().get("requestId").asText());
        crm().awaitRead("/api/crm/assignments/" + requestId, head, r -> "PENDING".equals(r.path("status").asText()));
        assertProblem(api().post("/api/crm/assignments/" + requestId + "/approve", head, json("comment", "mine")),
                403, "cannot-decide-own-request");
    }

    // ---- the rep's work, SLA, ownership --------------------------------------------------------------------------

    @Test
    void aRepSeesAndWorksOnlyTheirOwnLeadsAndACallSetsTheTemperature() {
        String head = admin();
        Person mine = crm().newPerson("owner", "SALES_REP");
        Person other = crm().newPerson("other", "SALES_REP");
        UUID lead = crm().enterLead(head, newPhone(), newCampaign("own"));
        UUID othersLead = crm().enterLead(head, newPhone(), newCampaign("own"));
        assertThat(crm().assign(head, List.of(lead), mine.id()).status()).isEqualTo(200);
        assertThat(crm().assign(head, List.of(othersLead), other.id()).status()).isEqualTo(200);

        JsonNode page = crm().awaitRead("/api/crm/leads", mine.token(), p -> p.path("total").asLong() == 1);
        assertThat(page.get("leads").get(0).get("leadId").asText()).isEqualTo(lead.toString());
        assertThat(crm().search(mine.token(), "ownerId=" + other.id()).body().get("total").asLong()).isEqualTo(1); // a rep's owner filter is always the rep
        assertProblem(crm().lead(mine.token(), othersLead), 404, "lead-not-found");
        assertProblem(api().post("/api/crm/leads/" + othersLead + "/activities", mine.token(),
                json("type", "CALL", "durationSeconds", 40)), 403, "not-your-lead");

        Response call = api().post("/api/crm/leads/" + lead + "/activities", mine.token(),
                json("type", "CALL", "durationSeconds", 35, "outcome", "interested"));
        assertThat(call.status()).as("%s", call).isEqualTo(201);
        crm().awaitLead(mine.token(), lead, l -> "HOT".equals(l.path("temperature").asText())
                && "CONTACTED".equals(l.path("status").asText()) && !l.path("firstContactedAt").isNull());
        assertThat(api().put("/api/crm/leads/" + lead + "/temperature", mine.token(), json("temperature", "COLD"))
                .status()).isEqualTo(204);
        api().post("/api/crm/leads/" + lead + "/activities", mine.token(), json("type", "CALL", "durationSeconds", 50));
        crm().awaitRead("/api/crm/leads/" + lead + "/timeline", mine.token(), t -> {
            int calls = 0;
            for (JsonNode entry : t) {
                calls += entry.path("type").asText().equals("CALL") ? 1 : 0;
            }
            return calls == 2;
        });
        assertThat(crm().lead(mine.token(), lead).body().get("temperature").asText()).isEqualTo("COLD");

        assertProblem(api().post("/api/crm/leads/" + lead + "/status", mine.token(), json("status", "LOST")), 422,
                "missing-reason");
        assertProblem(api().post("/api/crm/leads/" + lead + "/status", mine.token(), json("status", "ASSIGNED")),
                409, "invalid-transition");
        assertThat(api().post("/api/crm/leads/" + lead + "/status", mine.token(),
                json("status", "INTERESTED")).status()).isEqualTo(204);
        Response followUp = api().post("/api/crm/leads/" + lead + "/follow-ups", mine.token(),
                json("dueAt", Instant.now().plus(Duration.ofDays(1)).toString(), "note", "call back"));
        assertThat(followUp.status()).as("%s", followUp).isEqualTo(201);
        JsonNode board = crm().awaitRead("/api/crm/reps/me/board", mine.token(),
                b -> b.path("dueFollowUps").size() == 1);
        assertThat(board.get("openLeads").asLong()).isEqualTo(1);
    }

    @Test
    void noFirstContactWithinTheSlaEscalatesTheLead() {
        String head = admin();
        Person rep = crm().newPerson("slow", "SALES_REP");
        Person quick = crm().newPerson("quick", "SALES_REP");
        UUID slow = crm().enterLead(head, newPhone(), newCampaign("sla"));
        UUID contacted = crm().enterLead(head, newPhone(), newCampaign("sla"));
        clock.travelTo(Instant.now().minus(Duration.ofMinutes(15)).plus(Duration.ofSeconds(3)));
        assertThat(crm().assign(head, List.of(slow), rep.id()).status()).isEqualTo(200);
        assertThat(crm().assign(head, List.of(contacted), quick.id()).status()).isEqualTo(200);
        clock.reset();
        assertThat(api().post("/api/crm/leads/" + contacted + "/activities", quick.token(),
                json("type", "WHATSAPP", "outcome", "sent brochure")).status()).isEqualTo(201);

        JsonNode escalated = crm().awaitLead(head, slow, l -> l.path("escalated").asBoolean());
        assertThat(escalated.get("slaBreached").asBoolean()).isTrue();
        assertThat(find(crm().timeline(head, slow), "FIRST_CONTACT_SLA_BREACHED").get("detail").get("repId").asText())
                .isEqualTo(rep.id().toString());
        assertThat(crm().search(head, "escalated=true").body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                !crm().lead(head, contacted).body().path("escalated").asBoolean());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Map<String, Integer> awaitOwners(String head, String campaign, int assigned) {
        return awaitOwners(head, campaign, assigned, CrmApi.READ_MODEL_WAIT);
    }

    /** Waits until {@code assigned} leads of the campaign have an owner (a replay of a big store takes a while). */
    private Map<String, Integer> awaitOwners(String head, String campaign, int assigned, Duration atMost) {
        Map<String, Integer> counts = new HashMap<>();
        await("owners of " + campaign).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            counts.clear();
            JsonNode page = crm().search(head, "size=200&campaignId=" + campaign).body();
            for (JsonNode lead : page.path("leads")) {
                if (!lead.path("ownerId").isNull() && !lead.path("ownerId").isMissingNode()) {
                    counts.merge(lead.get("ownerId").asText(), 1, Integer::sum);
                }
            }
            return counts.values().stream().mapToInt(Integer::intValue).sum() == assigned;
        });
        return new HashMap<>(counts);
    }

    private static JsonNode find(JsonNode timeline, String type) {
        for (JsonNode entry : timeline) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + timeline);
    }
}

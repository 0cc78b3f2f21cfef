package com.mrmentor.platform.runtime.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.CrmApi;
import com.mrmentor.platform.runtime.support.CrmApi.Person;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.CrmApi.newCampaign;
import static com.mrmentor.platform.runtime.support.CrmApi.newPhone;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversion of a lead into a student (a new account, or the account that has the lead's e-mail), and monthly targets
 * whose progress is counted from events, on the rep's dashboard line.
 */
class CrmConversionIT extends IntegrationTest {

    private CrmApi crm() {
        return new CrmApi(api(), identity(), this::admin);
    }

    private UUID leadWithEmail(String head, Person rep, String email) {
        Response entered = crm().enter(head, json("name", "Meera Iyer", "phone", newPhone(), "email", email,
                "campaignId", newCampaign("convert")));
        assertThat(entered.status()).as("%s", entered).isEqualTo(201);
        UUID lead = UUID.fromString(entered.body().get("leadId").asText());
        assertThat(crm().assign(head, List.of(lead), rep.id()).status()).isEqualTo(200);
        crm().awaitLead(rep.token(), lead, l -> rep.id().toString().equals(l.path("ownerId").asText()));
        return lead;
    }

    @Test
    void convertingALeadCreatesAStudentAccountOrLinksTheExistingOne() {
        String head = admin();
        Person rep = crm().newPerson("converter", "SALES_REP");
        String email = IdentityApi.newEmail("convert");
        UUID lead = leadWithEmail(head, rep, email);

        Response converted = api().post("/api/crm/leads/" + lead + "/convert", rep.token(), null);
        assertThat(converted.status()).as("%s", converted).isEqualTo(200);
        assertThat(converted.body().get("accountCreated").asBoolean()).isTrue();
        UUID studentId = UUID.fromString(converted.body().get("studentId").asText());
        JsonNode done = crm().awaitLead(rep.token(), lead, l -> "CONVERTED".equals(l.path("status").asText()));
        assertThat(done.get("studentId").asText()).isEqualTo(studentId.toString());
        JsonNode account = api().get("/api/admin/users/" + studentId, head).body();
        assertThat(account.toString()).contains("STUDENT");
        assertProblem(api().post("/api/crm/leads/" + lead + "/convert", rep.token(), null), 409, "lead-closed");

        IdentityApi.Tokens existing = identity().newStudent("already");
        String existingEmail = api().get("/api/auth/me", existing.accessToken()).body().get("email").asText();
        UUID second = leadWithEmail(head, rep, existingEmail.toUpperCase());
        Response linked = api().post("/api/crm/leads/" + second + "/convert", head, null);
        assertThat(linked.status()).as("%s", linked).isEqualTo(200);
        assertThat(linked.body().get("accountCreated").asBoolean()).isFalse();
        assertThat(linked.body().get("studentId").asText()).isEqualTo(existing.userId().toString());
    }

    @Test
    void monthlyTargetsShowProgressCountedFromEvents() {
        String head = admin();
        Person rep = crm().newPerson("target", "SALES_REP");
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Kolkata"));
        assertThat(api().put("/api/crm/targets/" + rep.id() + "/" + month, head,
                json("calls", 10, "conversions", 2)).status()).isEqualTo(204);
        assertThat(api().put("/api/crm/targets/" + rep.id() + "/" + month, rep.token(),
                json("calls", 1, "conversions", 1)).status()).isEqualTo(403);
        UUID lead = leadWithEmail(head, rep, IdentityApi.newEmail("target"));
        for (int i = 0; i < 3; i++) {
            assertThat(api().post("/api/crm/leads/" + lead + "/activities", rep.token(),
                    json("type", "CALL", "durationSeconds", 12)).status()).isEqualTo(201);
        }
        assertThat(api().post("/api/crm/leads/" + lead + "/convert", rep.token(), null).status()).isEqualTo(200);

        JsonNode mine = crm().awaitRead("/api/crm/targets", rep.token(), t -> t.size() == 1
                && t.get(0).path("calls").asLong() == 3 && t.get(0).path("conversions").asLong() == 1);
        assertThat(mine.get(0).get("targetCalls").asInt()).isEqualTo(10);
        assertThat(mine.get(0).get("targetConversions").asInt()).isEqualTo(2);
        JsonNode dashboard = api().get("/api/crm/dashboard", head).body();
        JsonNode line = null;
        for (JsonNode rep1 : dashboard.get("reps")) {
            if (rep1.get("repId").asText().equals(rep.id().toString())) {
                line = rep1;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("targetCalls").asLong()).isEqualTo(10);
        assertThat(line.get("converted").asLong()).isEqualTo(1);
        assertThat(line.get("calls").asLong()).isEqualTo(3);
        assertProblem(api().put("/api/crm/targets/" + rep.id() + "/" + month, head,
                json("calls", -1, "conversions", 0)), 400, "validation");
    }
}

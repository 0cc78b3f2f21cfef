package com.mrmentor.platform.runtime.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.CrmApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.CrmApi.newCampaign;
import static com.mrmentor.platform.runtime.support.CrmApi.newPhone;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A sales head merges two leads (activities move to the survivor, contacts follow) and undoes the merge. */
class CrmMergeIT extends IntegrationTest {

    private CrmApi crm() {
        return new CrmApi(api(), identity(), this::admin);
    }

    @Test
    void aMergeMovesTheTimelineAndContactsToTheSurvivorAndAnUndoGivesThemBack() {
        String head = admin();
        String survivorPhone = newPhone();
        String mergedPhone = newPhone();
        UUID survivor = crm().enterLead(head, survivorPhone, newCampaign("merge"));
        UUID merged = crm().enterLead(head, mergedPhone, newCampaign("merge"));
        assertThat(api().post("/api/crm/leads/" + merged + "/activities", head,
                json("type", "NOTE", "note", "asked about fees")).status()).isEqualTo(201);
        crm().awaitRead("/api/crm/leads/" + merged + "/timeline", head, t -> types(t).contains("NOTE"));
        assertProblem(api().post("/api/crm/leads/" + survivor + "/merge", crm().newPerson("merge-rep", "SALES_REP")
                .token(), json("mergedLeadId", merged)), 403, "forbidden");

        Response done = api().post("/api/crm/leads/" + survivor + "/merge", head, json("mergedLeadId", merged));
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        UUID mergeId = UUID.fromString(done.body().get("mergeId").asText());

        JsonNode timeline = crm().awaitRead("/api/crm/leads/" + survivor + "/timeline", head,
                t -> types(t).contains("MERGE_ABSORBED"));
        assertThat(types(timeline)).contains("NOTE", "MERGE_ABSORBED");
        assertThat(crm().search(head, "q=" + mergedPhone).body().get("total").asLong()).isZero();
        assertThat(crm().lead(head, merged).body().get("mergedInto").asText()).isEqualTo(survivor.toString());
        Response again = crm().enter(head, json("name", "Back again", "phone", mergedPhone));
        assertThat(again.body().get("leadId").asText()).isEqualTo(survivor.toString());
        assertProblem(api().post("/api/crm/leads/" + merged + "/activities", head, json("type", "NOTE", "note", "x")),
                409, "lead-merged");

        Response undone = api().post("/api/crm/leads/" + survivor + "/merges/" + mergeId + "/undo", head, null);
        assertThat(undone.status()).as("%s", undone).isEqualTo(200);
        JsonNode own = crm().awaitRead("/api/crm/leads/" + merged + "/timeline", head,
                t -> types(t).contains("UNMERGED"));
        assertThat(types(own)).contains("NOTE");
        assertThat(types(crm().timeline(head, survivor))).doesNotContain("NOTE").contains("MERGE_UNDONE");
        crm().awaitRead("/api/crm/leads?q=" + mergedPhone, head, p -> p.path("total").asLong() == 1);
        Response afterUndo = crm().enter(head, json("name", "Third time", "phone", mergedPhone));
        assertThat(afterUndo.body().get("leadId").asText()).isEqualTo(merged.toString());
        assertProblem(api().post("/api/crm/leads/" + survivor + "/merges/" + mergeId + "/undo", head, null), 404,
                "merge-not-found");
    }

    private static List<String> types(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }
}

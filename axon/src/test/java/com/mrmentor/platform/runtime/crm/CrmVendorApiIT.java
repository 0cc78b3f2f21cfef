package com.mrmentor.platform.runtime.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.CrmApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.CrmApi.newCampaign;
import static com.mrmentor.platform.runtime.support.CrmApi.newPhone;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The vendor API over HTTP: keys issued once and stored hashed, scopes, a per-key rate limit, rotation and revocation
 * (a revoked key gets 401); and the same phone from a vendor, the website form and a CSV import is one lead with two
 * duplicate records.
 */
class CrmVendorApiIT extends IntegrationTest {

    private CrmApi crm() {
        return new CrmApi(api(), identity(), this::admin);
    }

    private Response push(String key, Map<String, Object> lead) {
        return api().post("/api/vendor/leads", null, lead, key == null ? Map.of() : Map.of("X-Api-Key", key));
    }

    private JsonNode issue(String vendor, List<String> scopes, int rate) {
        Response issued = api().post("/api/admin/vendor-keys", admin(), json("vendor", vendor, "scopes", scopes,
                "ratePerMinute", rate));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        return issued.body();
    }

    @Test
    void aVendorKeyIsShownOnceStoredHashedScopedRotatedAndRevoked() {
        String admin = admin();
        String vendor = "vendor-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode issued = issue(vendor, List.of("leads:write", "leads:read"), 100);
        String key = issued.get("apiKey").asText();
        UUID keyId = UUID.fromString(issued.get("keyId").asText());
        assertThat(key).startsWith("mmk_" + issued.get("prefix").asText() + "_");

        Response pushed = push(key, json("name", "Vendor Lead", "phone", newPhone(), "campaignId", "v1"));
        assertThat(pushed.status()).as("%s", pushed).isEqualTo(201);
        UUID leadId = UUID.fromString(pushed.body().get("leadId").asText());
        JsonNode status = crm().awaitRead("/api/crm/leads/" + leadId, admin, l -> l.has("source"));
        assertThat(status.get("source").asText()).isEqualTo("VENDOR_API");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                api().get("/api/vendor/leads/" + leadId, null, Map.of("X-Api-Key", key)).status() == 200);

        JsonNode listed = api().get("/api/admin/vendor-keys", admin).body();
        JsonNode mine = null;
        for (JsonNode k : listed) {
            if (k.get("keyId").asText().equals(keyId.toString())) {
                mine = k;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.toString()).doesNotContain(key.substring(14));
        assertThat(mine.has("apiKey")).isFalse();
        assertThat(mine.get("lastUsedAt").isNull()).isFalse();

        Response rotated = api().post("/api/admin/vendor-keys/" + keyId + "/rotate", admin, null);
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        String newKey = rotated.body().get("apiKey").asText();
        assertProblem(push(key, json("phone", newPhone())), 401, "invalid-api-key");
        assertThat(push(newKey, json("phone", newPhone())).status()).isEqualTo(201);

        assertThat(api().post("/api/admin/vendor-keys/" + keyId + "/revoke", admin, json("reason", "contract ended"))
                .status()).isEqualTo(204);
        assertProblem(push(newKey, json("phone", newPhone())), 401, "invalid-api-key");
        assertProblem(push(null, json("phone", newPhone())), 401, "invalid-api-key");
        assertProblem(push("mmk_00000000_forged", json("phone", newPhone())), 401, "invalid-api-key");
    }

    @Test
    void aKeyWithoutTheScopeIsForbiddenAndEachKeyHasItsOwnRateLimit() {
        String readOnly = issue("reader", List.of("leads:read"), 100).get("apiKey").asText();
        assertProblem(push(readOnly, json("phone", newPhone())), 403, "missing-scope");

        String slow = issue("slow-vendor", List.of("leads:write"), 2).get("apiKey").asText();
        String other = issue("other-vendor", List.of("leads:write"), 2).get("apiKey").asText();
        assertThat(push(slow, json("phone", newPhone())).status()).isEqualTo(201);
        assertThat(push(slow, json("phone", newPhone())).status()).isEqualTo(201);
        Response limited = push(slow, json("phone", newPhone()));
        assertProblem(limited, 429, "vendor-rate-limited");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(push(other, json("phone", newPhone())).status()).isEqualTo(201);

        assertProblem(api().post("/api/admin/vendor-keys", admin(), json("vendor", "x", "scopes",
                List.of("everything"), "ratePerMinute", 5)), 422, "invalid-scopes");
        assertThat(api().post("/api/admin/vendor-keys", crm().newPerson("not-admin", "SALES_HEAD").token(),
                json("vendor", "x", "scopes", List.of("leads:read"), "ratePerMinute", 5)).status()).isEqualTo(403);
    }

    @Test
    void theSamePhoneFromAVendorTheWebsiteAndAnImportIsOneLeadWithTwoDuplicates() {
        String head = admin();
        String phone = newPhone();
        String key = issue("dup-vendor", List.of("leads:write"), 100).get("apiKey").asText();
        Response first = push(key, json("name", "Ravi", "phone", phone, "campaignId", newCampaign("vendor")));
        assertThat(first.status()).isEqualTo(201);
        UUID leadId = UUID.fromString(first.body().get("leadId").asText());

        CrmApi.travelToFreshFormWindow(clock);
        assertThat(crm().form(json("name", "Ravi K", "phone", "+91" + phone, "campaignId", "site")).status())
                .isEqualTo(202);
        clock.reset();
        Response imported = api().send("POST", "/api/crm/imports", head,
                "name,phone,campaign_id\nRavi Kumar,0" + phone + ",fair\n", Map.of("Content-Type", "text/csv"));
        assertThat(imported.status()).as("%s", imported).isEqualTo(202);

        JsonNode lead = crm().awaitLead(head, leadId, l -> l.path("duplicates").asInt() == 2);
        assertThat(lead.get("source").asText()).isEqualTo("VENDOR_API");
        assertThat(crm().search(head, "q=" + phone).body().get("total").asLong()).isEqualTo(1);
    }
}

package com.mrmentor.platform.runtime.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.mrmentor.platform.runtime.support.CrmApi.newCampaign;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV imports over HTTP: a 50,000-row file is taken at once (202) and processed in the background with progress; rows
 * that cannot be read or are refused are reported by row number, duplicates inside the file become duplicate records.
 * Prints the throughput as a figure (no timing assertion).
 */
class CrmImportIT extends IntegrationTest {

    private static final int ROWS = 50_000;

    @Test
    void aFiftyThousandRowImportCompletesWithItsErrorRowsReported() {
        String head = admin();
        String campaign = newCampaign("import");
        String block = String.valueOf(ThreadLocalRandom.current().nextInt(100, 1000));
        StringBuilder csv = new StringBuilder("name,phone,email,city,course_interest,language,campaign_id\n");
        int invalid = 0;
        int duplicates = 0;
        for (int i = 1; i <= ROWS; i++) {
            String phone = "9" + block + String.format("%06d", i);
            if (i % 1000 == 0) {
                phone = "12345"; // not a mobile number: an error row
                invalid++;
            } else if (i % 1000 == 500) {
                phone = "9" + block + String.format("%06d", i - 1); // the row before's number: a duplicate
                duplicates++;
            }
            csv.append("\"Lead, No ").append(i).append("\",").append(phone).append(",,Pune,Data Science,en,")
                    .append(campaign).append('\n');
        }
        csv.append("broken row with too few values\n");
        invalid++;

        long started = System.nanoTime();
        Response accepted = api().send("POST", "/api/crm/imports?fileName=leads.csv", head, csv.toString(),
                Map.of("Content-Type", "text/csv"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertThat(accepted.body().get("totalRows").asInt()).isEqualTo(ROWS + 1);
        UUID importId = UUID.fromString(accepted.body().get("importId").asText());

        JsonNode[] seen = new JsonNode[1];
        await("import").atMost(Duration.ofMinutes(25)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            seen[0] = api().get("/api/crm/imports/" + importId, head).body();
            return !"RUNNING".equals(seen[0].path("status").asText());
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode done = seen[0];
        System.out.printf("CRM import: %d rows in %.1f s (%.0f rows/s)%n", ROWS + 1, seconds, (ROWS + 1) / seconds);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("processed").asInt()).isEqualTo(ROWS + 1);
        assertThat(done.get("failed").asInt()).isEqualTo(invalid);
        assertThat(done.get("duplicates").asInt()).isEqualTo(duplicates);
        assertThat(done.get("captured").asInt()).isEqualTo(ROWS + 1 - invalid - duplicates);
        JsonNode firstError = done.get("errors").get(0);
        assertThat(firstError.get("row").asInt()).isEqualTo(1001); // data row 1000, after the header
        assertThat(firstError.get("code").asText()).isEqualTo("invalid-phone");
        Response report = api().get("/api/crm/imports/" + importId + "/errors.csv", head);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.rawBody().lines().count()).isEqualTo(invalid + 1);
        assertThat(report.rawBody()).contains("invalid-row");

        long expectedLeads = ROWS + 1 - invalid - duplicates;
        await("read model").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                api().get("/api/crm/leads?size=1&campaignId=" + campaign, head).body().path("total").asLong()
                        == expectedLeads);
    }

    @Test
    void aFileWithoutAPhoneOrEmailColumnIsRefusedAtOnce() {
        assertProblem(api().send("POST", "/api/crm/imports", admin(), "name,city\nA,Pune\n",
                Map.of("Content-Type", "text/csv")), 422, "invalid-csv");
        assertProblem(api().send("POST", "/api/crm/imports", admin(), "name,shoe_size\nA,9\n",
                Map.of("Content-Type", "text/csv")), 422, "invalid-csv");
    }
}

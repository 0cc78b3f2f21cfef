package com.mrmentor.platform.query.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.shared.crm.LeadStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sales funnel as of an instant, folded from the leads' events ({@code Lead}) stored up to it, in one streaming
 * pass that keeps one small state per lead. The stage moves as the lead moved: NEW when captured, ASSIGNED by its
 * first assignment ({@code LeadAssigned} moves only a NEW lead), then each {@code LeadStatusChanged}; a merge takes it
 * out of the stages and an undone merge brings it back with the status it records. Only the non-personal facts of a
 * capture (campaign and source) are read. An event counts when its stored timestamp, read as an instant, is at or
 * before {@code asOf}.
 */
@Component
public class SalesFunnelAsOf {

    private final StoredEventReader events;
    private final Clock clock;

    public SalesFunnelAsOf(StoredEventReader events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Over every lead, or the leads captured for {@code campaignId} and/or from {@code source} (exactly as recorded;
     * null: any).
     */
    @Transactional(readOnly = true) // PostgreSQL streams a result set by its fetch size only inside a transaction
    public SalesFunnel asOf(Instant asOf, String campaignId, String source) {
        Map<String, LeadState> leads = new HashMap<>();
        long[] folded = new long[1];
        events.scanType("Lead", event -> {
            if (event.timestamp().isAfter(asOf)) {
                return;
            }
            JsonNode p = event.payload();
            String leadId = p.get("leadId").asText();
            String type = event.type().substring(event.type().lastIndexOf('.') + 1);
            if (type.equals("LeadCaptured")) {
                if (matches(campaignId, p.path("campaignId")) && matches(source, p.path("source"))) {
                    leads.put(leadId, new LeadState());
                    folded[0]++;
                }
                return;
            }
            LeadState lead = leads.get(leadId);
            if (lead == null) {
                return; // outside the funnel asked for
            }
            folded[0]++;
            switch (type) {
                case "LeadAssigned" -> {
                    if (lead.status == LeadStatus.NEW) {
                        lead.status = LeadStatus.ASSIGNED;
                    }
                }
                case "LeadStatusChanged" -> lead.status = LeadStatus.valueOf(p.get("to").asText());
                case "LeadMerged" -> lead.merged = true;
                case "LeadUnmerged" -> {
                    lead.merged = false;
                    if (p.hasNonNull("status")) {
                        lead.status = LeadStatus.valueOf(p.get("status").asText());
                    }
                }
                default -> {
                    // duplicates, activities, temperature, follow-ups, SLA, conversion details: no stage change
                }
            }
        });

        Map<String, Long> stages = new LinkedHashMap<>();
        for (LeadStatus status : LeadStatus.values()) {
            stages.put(status.name(), 0L);
        }
        long merged = 0;
        for (LeadState lead : leads.values()) {
            if (lead.merged) {
                merged++;
            } else {
                stages.merge(lead.status.name(), 1L, Long::sum);
            }
        }
        long converted = stages.get(LeadStatus.CONVERTED.name());
        long lost = stages.get(LeadStatus.NOT_INTERESTED.name()) + stages.get(LeadStatus.LOST.name());
        long open = leads.size() - merged - converted - lost;
        return new SalesFunnel(asOf, clock.instant(), campaignId, source, stages, leads.size(), open, converted, lost,
                merged, folded[0]);
    }

    private static boolean matches(String wanted, JsonNode value) {
        return wanted == null || (value.isTextual() && value.asText().equals(wanted));
    }

    /** One lead's stage while folding. */
    private static final class LeadState {
        private LeadStatus status = LeadStatus.NEW;
        private boolean merged;
    }
}

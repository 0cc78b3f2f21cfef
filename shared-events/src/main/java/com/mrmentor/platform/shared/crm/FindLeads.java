package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lead search: {@code text} matches name, phone or e-mail (contains, case-insensitive); the other filters are exact;
 * {@code ownerId} is forced to the caller for a SALES_REP; captured between {@code from} (inclusive) and {@code to}
 * (exclusive). Answers a {@link LeadPage}.
 */
public record FindLeads(String text, LeadStatus status, UUID ownerId, LeadSource source, String campaignId,
                        Temperature temperature, Boolean queued, Boolean escalated, Instant from, Instant to,
                        int page, int size) {
}

package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sales head's dashboard: leads per stage, per-rep figures, the unassigned queue and escalations. */
public record CrmDashboardView(Map<LeadStatus, Long> funnel, List<RepStatsView> reps, long unassigned,
                               long escalated, long duplicates) {
}

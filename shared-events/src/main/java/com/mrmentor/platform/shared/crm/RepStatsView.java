package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Per-rep figures of the sales-head dashboard. */
public record RepStatsView(UUID repId, long assigned, long open, long converted, double conversionRate,
                           long slaBreaches, long calls, Long targetCalls, Long targetConversions) {
}

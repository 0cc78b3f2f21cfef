package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead's timeline, oldest first; a list of {@link LeadTimelineEntry}. */
public record FindLeadTimeline(UUID leadId) {
}

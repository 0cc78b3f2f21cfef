package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One entry of a lead's timeline: what happened, when, who did it, and its facts. */
public record LeadTimelineEntry(Instant at, String type, UUID actor, Map<String, Object> detail) {
}

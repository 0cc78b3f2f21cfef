package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead as the read model shows it; {@code mergedInto}: the survivor it was merged into (hidden from searches). */
public record LeadView(UUID leadId, String name, String phone, String email, String city, String courseInterest,
                       String language, String campaignId, LeadSource source, LeadStatus status,
                       Temperature temperature, UUID ownerId, String ruleId, Integer ruleVersion,
                       AssignmentStrategy strategy, Instant assignedAt, Instant firstContactDueAt,
                       Instant firstContactedAt, boolean slaBreached, boolean escalated, boolean queued,
                       String queueReason, int duplicates, UUID studentId, Instant capturedAt, Instant updatedAt,
                       UUID mergedInto) {
}

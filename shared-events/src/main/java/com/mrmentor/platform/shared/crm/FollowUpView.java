package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A scheduled follow-up. */
public record FollowUpView(UUID followUpId, UUID leadId, String leadName, UUID repId, Instant dueAt, String note,
                           boolean done, boolean overdue) {
}

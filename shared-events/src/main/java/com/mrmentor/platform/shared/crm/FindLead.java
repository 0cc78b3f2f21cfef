package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One lead, or null; a {@link LeadView}. */
public record FindLead(UUID leadId) {
}

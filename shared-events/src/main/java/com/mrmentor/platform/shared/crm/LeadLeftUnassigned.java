package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * No rep could take the lead ({@code no-matching-rule}, or {@code no-eligible-rep} under {@code ruleId}): it waits in
 * the visible unassigned queue, and the sweep retries it. Recorded again only when the reason changes.
 */
@Revision("1")
public record LeadLeftUnassigned(UUID leadId, String reason, String ruleId, Instant queuedAt) implements LeadEvent {
}

package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The lead was given to a rep: by rule ({@code ruleId}, {@code ruleVersion} and the rule's strategy) or by a person
 * (strategy MANUAL, rule null; {@code requestId} when it carried out an approved bulk request). {@code assignedBy} is
 * the acting user, null for the platform itself. The rep must make first contact by {@code firstContactDueAt}.
 */
@Revision("1")
public record LeadAssigned(UUID leadId, UUID repId, UUID previousRepId, String ruleId, Integer ruleVersion,
                           AssignmentStrategy strategy, UUID assignedBy, UUID requestId, String reason,
                           Instant firstContactDueAt, Instant assignedAt) implements LeadEvent {
}

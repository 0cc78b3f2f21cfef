package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The desk gave a lead to a rep (the desk's side of {@link LeadAssigned}): advances the rule's rotation and counts
 * against the rep's capacity of {@code day} (the working day in the CRM's zone).
 */
@Revision("1")
public record LeadRouted(UUID leadId, UUID repId, String ruleId, Integer ruleVersion, AssignmentStrategy strategy,
                         LocalDate day, Instant routedAt) {
}

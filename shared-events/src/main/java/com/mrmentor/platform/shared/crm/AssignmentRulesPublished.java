package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A new version of the ordered rule list replaced the previous one. */
@Revision("1")
public record AssignmentRulesPublished(int version, List<AssignmentRule> rules, UUID publishedBy, Instant publishedAt) {
}

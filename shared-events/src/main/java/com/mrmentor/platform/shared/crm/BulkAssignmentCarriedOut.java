package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The approved request was carried out: how many leads were assigned, and which could not be (with why). */
@Revision("1")
public record BulkAssignmentCarriedOut(UUID requestId, int assigned, List<String> failures, Instant carriedOutAt) {
}

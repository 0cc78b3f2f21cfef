package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A sales head rejected the request, with a comment. */
@Revision("1")
public record BulkAssignmentRejected(UUID requestId, UUID rejectedBy, String comment, Instant rejectedAt) {
}

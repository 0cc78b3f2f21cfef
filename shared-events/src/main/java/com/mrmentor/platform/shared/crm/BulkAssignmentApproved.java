package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A sales head (not the requester) approved the request; the saga carries it out lead by lead. */
@Revision("1")
public record BulkAssignmentApproved(UUID requestId, List<UUID> leadIds, UUID repId, UUID approvedBy, String comment,
                                     Instant approvedAt) {
}

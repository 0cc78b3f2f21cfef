package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Someone asked to give these leads to a rep; a sales head decides by {@code decideBy} or it lapses. */
@Revision("1")
public record BulkAssignmentRequested(UUID requestId, List<UUID> leadIds, UUID repId, UUID requestedBy, String reason,
                                      Instant requestedAt, Instant decideBy) {
}

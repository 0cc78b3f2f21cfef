package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Nobody decided the request in time. */
@Revision("1")
public record BulkAssignmentLapsed(UUID requestId, Instant lapsedAt) {
}

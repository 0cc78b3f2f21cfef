package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The lead moved along the pipeline; NOT_INTERESTED and LOST carry a reason. */
@Revision("1")
public record LeadStatusChanged(UUID leadId, LeadStatus from, LeadStatus to, String reason, UUID changedBy,
                                Instant changedAt) implements LeadEvent {
}

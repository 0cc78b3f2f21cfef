package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The follow-up's time passed without a touch; it shows on the rep's board as overdue. */
@Revision("1")
public record FollowUpOverdue(UUID leadId, UUID followUpId, UUID repId, Instant dueAt, Instant detectedAt)
        implements LeadEvent {
}

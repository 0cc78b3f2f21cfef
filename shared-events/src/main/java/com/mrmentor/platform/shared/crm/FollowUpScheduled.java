package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A follow-up is due at {@code dueAt} for the lead's rep. */
@Revision("1")
public record FollowUpScheduled(@DataSubject UUID leadId, UUID followUpId, UUID repId, Instant dueAt,
                                @PersonalData String note, UUID scheduledBy, Instant scheduledAt) implements LeadEvent {
}

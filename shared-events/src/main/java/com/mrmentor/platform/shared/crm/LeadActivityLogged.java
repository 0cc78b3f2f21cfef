package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A rep logged a call (duration, outcome), note, WhatsApp or e-mail touch. The note is personal data. */
@Revision("1")
public record LeadActivityLogged(@DataSubject UUID leadId, UUID activityId, ActivityType type, String outcome,
                                 Integer durationSeconds, @PersonalData String note, UUID followUpId, UUID loggedBy,
                                 Instant loggedAt) implements LeadEvent {
}

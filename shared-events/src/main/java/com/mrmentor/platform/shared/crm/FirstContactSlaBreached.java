package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rep did not contact the lead by the first-contact deadline; the lead is escalated to the sales head's queue.
 */
@Revision("1")
public record FirstContactSlaBreached(UUID leadId, UUID repId, Instant dueAt, Instant breachedAt)
        implements LeadEvent {
}

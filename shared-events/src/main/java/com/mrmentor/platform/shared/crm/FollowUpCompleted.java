package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A logged touch completed the follow-up. */
@Revision("1")
public record FollowUpCompleted(UUID leadId, UUID followUpId, UUID activityId, Instant completedAt)
        implements LeadEvent {
}

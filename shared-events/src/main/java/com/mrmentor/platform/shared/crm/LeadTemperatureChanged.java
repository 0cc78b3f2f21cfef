package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The lead's temperature changed: set by a rep ({@code setByRep}, which a call's prediction never overrides
 * afterwards) or predicted from a call's duration.
 */
@Revision("1")
public record LeadTemperatureChanged(UUID leadId, Temperature temperature, boolean setByRep, UUID changedBy,
                                     Instant changedAt) implements LeadEvent {
}

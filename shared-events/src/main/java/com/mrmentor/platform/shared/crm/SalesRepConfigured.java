package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A rep's daily capacity (leads assigned per working day) and availability were set. */
@Revision("1")
public record SalesRepConfigured(UUID repId, int dailyCapacity, RepAvailability availability, UUID configuredBy,
                                 Instant configuredAt) {
}

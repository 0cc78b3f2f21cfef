package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Another arrival matched this lead ({@code matchedOn}: {@code phone} or {@code email}); it was not made a lead of its
 * own, and is never dropped silently: its source and payload are kept here.
 */
@Revision("1")
public record LeadDuplicateDetected(@DataSubject UUID leadId, UUID duplicateId, String matchedOn, LeadSource source,
                                    String campaignId, @PersonalData String name, @PersonalData String phone,
                                    @PersonalData String email, @PersonalData String rawPayload, UUID capturedBy,
                                    UUID vendorKeyId, UUID importId, Instant detectedAt) implements LeadEvent {
}

package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new lead entered the pool. Phone is E.164, e-mail lower case; the raw payload is what the source sent, kept for
 * disputes. Name, contact details and payload are personal data of the lead. {@code capturedBy} is the user who entered
 * or imported it (null for website forms and vendors), {@code vendorKeyId} the vendor key, {@code importId} the import.
 */
@Revision("1")
public record LeadCaptured(@DataSubject UUID leadId, @PersonalData String name, @PersonalData String phone,
                           @PersonalData String email, String city, String courseInterest, String language,
                           String campaignId, LeadSource source, @PersonalData String rawPayload, UUID capturedBy,
                           UUID vendorKeyId, UUID importId, Instant capturedAt) implements LeadEvent {

    public LeadFacts facts() {
        return new LeadFacts(source, campaignId, city, courseInterest, language);
    }
}

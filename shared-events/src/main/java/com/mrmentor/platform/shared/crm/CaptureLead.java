package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Capture a lead (handled by the intake, which normalises phone and e-mail and either creates lead {@code leadId} or
 * records a duplicate on the lead that has the phone or e-mail already). At least a phone or an e-mail is required.
 */
public record CaptureLead(UUID leadId, String name, String phone, String email, String city, String courseInterest,
                          String language, String campaignId, LeadSource source, String rawPayload, UUID capturedBy,
                          UUID vendorKeyId, UUID importId) {
}

package com.mrmentor.platform.shared.crm;

/** What assignment rules match on. */
public record LeadFacts(LeadSource source, String campaignId, String city, String courseInterest, String language) {
}

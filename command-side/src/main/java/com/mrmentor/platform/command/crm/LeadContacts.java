package com.mrmentor.platform.command.crm;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Finds the lead that has a normalised phone or e-mail already; answered by {@link CrmDirectory}. */
public interface LeadContacts {

    /** A lead matching the phone (first) or the e-mail, and which of the two matched. */
    Optional<Match> leadByContact(String phone, String email);

    /**
     * The leads holding any of these normalised phones and e-mails, for a batch of arrivals. This default asks one
     * contact at a time; {@link CrmDirectory} answers with one query.
     */
    default Claims claims(Collection<String> phones, Collection<String> emails) {
        Map<String, UUID> byPhone = new HashMap<>();
        Map<String, UUID> byEmail = new HashMap<>();
        for (String phone : phones) {
            leadByContact(phone, null).ifPresent(match -> byPhone.put(phone, match.leadId()));
        }
        for (String email : emails) {
            leadByContact(null, email).ifPresent(match -> byEmail.put(email, match.leadId()));
        }
        return new Claims(byPhone, byEmail);
    }

    /** A lead found by its phone or e-mail ({@code matchedOn}: {@code phone} or {@code email}). */
    record Match(UUID leadId, String matchedOn) {
    }

    /** Which lead holds each claimed phone and e-mail (contacts nobody holds are absent). */
    record Claims(Map<String, UUID> byPhone, Map<String, UUID> byEmail) {
    }
}

package com.mrmentor.platform.command.crm;

import java.util.Optional;
import java.util.UUID;

/** Finds the lead that has a normalised phone or e-mail already; answered by {@link CrmDirectory}. */
public interface LeadContacts {

    /** A lead matching the phone (first) or the e-mail, and which of the two matched. */
    Optional<Match> leadByContact(String phone, String email);

    /** A lead found by its phone or e-mail ({@code matchedOn}: {@code phone} or {@code email}). */
    record Match(UUID leadId, String matchedOn) {
    }
}

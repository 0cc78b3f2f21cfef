package com.mrmentor.platform.shared.crm;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The lead became a student: {@code studentId} is the account created for it, or an existing one it was linked to. */
@Revision("1")
public record LeadConverted(UUID leadId, UUID studentId, boolean accountCreated, UUID convertedBy,
                            Instant convertedAt) implements LeadEvent {
}

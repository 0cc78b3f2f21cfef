package com.mrmentor.platform.shared.hub;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An administrator resolved a support request; the note (optional) is about the person who raised it. */
@Revision("1")
public record SupportRequestResolved(UUID pairingId, LocalDate sessionDate, UUID supportRequestId,
                                     @DataSubject UUID raisedBy, UUID resolvedBy, @PersonalData String note,
                                     Instant resolvedAt) implements SessionLogEvent {
}

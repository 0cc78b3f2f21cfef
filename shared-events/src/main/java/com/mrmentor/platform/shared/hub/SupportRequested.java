package com.mrmentor.platform.shared.hub;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A side flagged its half "needs admin support": an item in the administrators' queue. */
@Revision("1")
public record SupportRequested(UUID pairingId, LocalDate sessionDate, UUID supportRequestId, UUID mentorId,
                               UUID menteeId, PairSide side, @DataSubject UUID raisedBy,
                               @PersonalData String reason, Instant raisedAt) implements SessionLogEvent {
}

package com.mrmentor.platform.shared.hub;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A pairing ended and freed the mentor's place; the reason (optional) is personal data of the mentee. */
@Revision("1")
public record PairingEnded(UUID mentorId, UUID pairingId, @DataSubject UUID menteeId, UUID endedBy,
                           PairingEndCause cause, @PersonalData String reason, Instant endedAt)
        implements MentorCircleEvent {
}

package com.mrmentor.platform.shared.hub;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An accepted application paired the mentee with the mentor; the pairing takes one of the mentor's places. */
@Revision("1")
public record MenteePaired(UUID mentorId, UUID pairingId, UUID menteeId, UUID applicationId, Instant pairedAt)
        implements MentorCircleEvent {
}

package com.mrmentor.platform.command.hub;

import java.util.Optional;
import java.util.UUID;

/** Pairings across all mentors, as of the current transaction. */
public interface HubPairings {

    Optional<Pairing> pairing(UUID pairingId);

    /** The mentee's active pairing (with any mentor), if any. */
    Optional<Pairing> activePairingOfMentee(UUID menteeId);

    /** One pairing. */
    record Pairing(UUID pairingId, UUID mentorId, UUID menteeId, boolean active) {
    }
}

package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** Pairings of a mentor or a mentee (where given), newest first; a list of {@link PairingView}. */
public record FindPairings(UUID mentorId, UUID menteeId, boolean activeOnly) {
}

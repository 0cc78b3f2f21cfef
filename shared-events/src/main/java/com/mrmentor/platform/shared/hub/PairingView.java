package com.mrmentor.platform.shared.hub;

import java.time.Instant;
import java.util.UUID;

/** A mentor–mentee pairing; {@code active} until it ends. */
public record PairingView(UUID pairingId, UUID mentorId, String mentorName, UUID menteeId, String menteeName,
                          UUID applicationId, Instant pairedAt, boolean active, Instant endedAt,
                          PairingEndCause endCause, String endReason) {
}

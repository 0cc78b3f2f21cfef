package com.mrmentor.platform.shared.hub;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Both halves of a session log are in (once per log; later corrections do not repeat it). */
@Revision("1")
public record SessionLogCompleted(UUID pairingId, LocalDate sessionDate, UUID mentorId, UUID menteeId,
                                  Instant completedAt) implements SessionLogEvent {
}

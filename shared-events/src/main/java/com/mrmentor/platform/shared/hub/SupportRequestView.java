package com.mrmentor.platform.shared.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An item of the administrators' needs-support queue. */
public record SupportRequestView(UUID supportRequestId, UUID pairingId, LocalDate sessionDate, UUID mentorId,
                                 String mentorName, UUID menteeId, String menteeName, PairSide side, UUID raisedBy,
                                 String reason, Instant raisedAt, Instant resolvedAt, UUID resolvedBy,
                                 String resolutionNote) {
}

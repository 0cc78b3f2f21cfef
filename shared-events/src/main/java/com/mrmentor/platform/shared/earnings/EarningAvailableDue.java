package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Payload of the ledger's deadline: the hold period of booking {@code bookingId}'s earning is over. */
public record EarningAvailableDue(UUID mentorId, UUID bookingId) {
}

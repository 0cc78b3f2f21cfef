package com.mrmentor.platform.shared.earnings;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The mentor's payout destination is new or changed. The destination is personal data (encrypted with the
 * mentor's key in the store); {@code masked} is what screens show. A change ({@code first = false}) holds payouts
 * until {@code holdUntil} and is e-mailed to the mentor.
 */
@Revision("1")
public record PayoutDestinationChanged(@DataSubject UUID mentorId, PayoutMethod method,
                                       @PersonalData String destination, String masked, boolean first,
                                       Instant holdUntil, Instant changedAt) implements EarningsEvent {
}

package com.mrmentor.platform.shared.earnings;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A mentor asked to be paid {@code amount} paise of their available earnings (reserved in the same transaction).
 * The destination is encrypted with the mentor's key; {@code notBefore} is the end of a destination change's hold.
 */
@Revision("1")
public record PayoutRequested(UUID payoutId, @DataSubject UUID mentorId, long amount, PayoutMethod method,
                              @PersonalData String destination, String maskedDestination, Instant notBefore,
                              Instant requestedAt) implements PayoutEvent {
}

package com.mrmentor.platform.shared.earnings;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The tokens of a session were captured: the mentor earns {@code net} paise, PENDING until {@code availableAt}. The
 * lines of the ledger: {@code gross} (captured tokens × token value, before GST), less the platform's
 * {@code commission} and the {@code tds} withheld (section 194-O), each at the rate recorded here.
 *
 * @param commissionBps commission rate in basis points (2000 = 20 %)
 * @param tdsBps        TDS rate in basis points applied (0 when under the threshold)
 */
@Revision("1")
public record SessionEarningAccrued(UUID mentorId, UUID bookingId, long capturedTokens, long tokenValue, long gross,
                                    int commissionBps, long commission, int tdsBps, long tds, long net,
                                    Instant sessionEnd, Instant availableAt, Instant accruedAt)
        implements EarningsEvent {
}

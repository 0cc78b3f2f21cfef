package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Payouts newest first, by status and mentor (either may be null), one page. Answered with {@link PayoutPage}. */
public record FindPayouts(PayoutStatus status, UUID mentorId, String batchId, int page, int size) {
}

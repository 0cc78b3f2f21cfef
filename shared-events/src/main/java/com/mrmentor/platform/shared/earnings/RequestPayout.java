package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** A mentor asks to be paid {@code amount} paise of their available earnings to {@code destination}. */
public record RequestPayout(UUID payoutId, UUID mentorId, long amount, PayoutMethod method, String destination) {

    @Override
    public String toString() {
        // the destination is personal data: never in logs
        return "RequestPayout[payoutId=" + payoutId + ", mentorId=" + mentorId + ", amount=" + amount + ", method="
                + method + "]";
    }
}

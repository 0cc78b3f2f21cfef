package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/**
 * A verified provider webhook reports payout {@code payoutId} (the provider's {@code providerPayoutId}) in
 * {@code providerStatus} ({@code processed}, {@code failed}, {@code rejected}, {@code cancelled}, {@code reversed},
 * or an intermediate one), with the bank reference and the provider's reason where it gives them.
 */
public record SettlePayout(UUID payoutId, String providerPayoutId, String providerStatus, long amount, String utr,
                           String reason, String providerEventId) {
}

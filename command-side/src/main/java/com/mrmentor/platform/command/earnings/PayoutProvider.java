package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.earnings.PayoutMethod;

/**
 * The port to the payout rail: adapters in the runtime are a RazorpayX HTTP client and a local simulator (the
 * default) that also sends the payout webhooks. The reference (our payout id) is also the idempotency key: asking
 * twice for the same reference creates one payout at the provider.
 */
public interface PayoutProvider {

    /** The provider's name as recorded on payouts ({@code razorpayx}, {@code simulator}). */
    String name();

    /**
     * Creates a payout of {@code amount} paise to {@code destination}.
     *
     * @throws PayoutRefused     the provider refused it for good (invalid account, insufficient funds…)
     * @throws ProviderUnavailable the provider could not be reached or answered with a server error; try later
     */
    ProviderPayout createPayout(String reference, long amount, String currency, PayoutMethod method,
                                String destination, String narration);

    /** A payout as the provider accepted it; its outcome comes later by webhook. */
    record ProviderPayout(String id, String status) {
    }

    /** The provider refused the payout; the message says why. */
    class PayoutRefused extends RuntimeException {
        public PayoutRefused(String message) {
            super(message);
        }
    }

    /** The provider could not be reached; nothing is known to have been created. */
    class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

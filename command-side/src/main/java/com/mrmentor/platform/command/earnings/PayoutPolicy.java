package com.mrmentor.platform.command.earnings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * {@code platform.payouts.*}: the payout rules and the payout provider.
 *
 * @param minimumAmount     smallest payout in paise (₹100)
 * @param approvalTimeout   a payout undecided this long after its request is rejected and returned
 * @param destinationHold   a change of destination holds payouts this long
 * @param batchDay          the weekly batch's day …
 * @param batchTime         … time …
 * @param batchZone         … and zone (Friday 10:00 Asia/Kolkata)
 * @param retryAfter        a batch that could not reach the provider tries that payout again this much later
 * @param provider          {@code simulator} (default, local and tests) or {@code razorpayx}
 * @param keyId             the provider API key id
 * @param keySecret         the provider API key secret
 * @param webhookSecret     signs the provider's payout webhooks
 * @param accountNumber     the platform's RazorpayX account the payouts are paid from
 * @param baseUrl           the provider's API
 */
@ConfigurationProperties("platform.payouts")
public record PayoutPolicy(@DefaultValue("10000") long minimumAmount,
                           @DefaultValue("P7D") Duration approvalTimeout,
                           @DefaultValue("PT24H") Duration destinationHold,
                           @DefaultValue("FRIDAY") DayOfWeek batchDay,
                           @DefaultValue("10:00") LocalTime batchTime,
                           @DefaultValue("Asia/Kolkata") ZoneId batchZone,
                           @DefaultValue("PT15M") Duration retryAfter,
                           @DefaultValue("simulator") String provider,
                           @DefaultValue(DEVELOPMENT_KEY_ID) String keyId,
                           @DefaultValue(DEVELOPMENT_KEY_SECRET) String keySecret,
                           @DefaultValue(DEVELOPMENT_WEBHOOK_SECRET) String webhookSecret,
                           @DefaultValue("2323230000000000") String accountNumber,
                           @DefaultValue("https://api.razorpay.com") String baseUrl) {

    /** The simulator's key id; anyone can read it in the repository. */
    public static final String DEVELOPMENT_KEY_ID = "rzp_test_payout_simulator";
    /** The simulator's key secret; refused for RazorpayX. */
    public static final String DEVELOPMENT_KEY_SECRET = "development-only-payout-key-secret";
    /** The simulator's webhook secret; refused for RazorpayX. */
    public static final String DEVELOPMENT_WEBHOOK_SECRET = "development-only-payout-webhook-secret";

    public PayoutPolicy {
        if (minimumAmount <= 0) {
            throw new IllegalArgumentException("platform.payouts.minimum-amount must be positive paise");
        }
        if (approvalTimeout.isNegative() || approvalTimeout.isZero() || destinationHold.isNegative()
                || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("platform.payouts durations must be positive");
        }
    }

    public static PayoutPolicy defaults() {
        return new PayoutPolicy(10_000, Duration.ofDays(7), Duration.ofHours(24), DayOfWeek.FRIDAY,
                LocalTime.of(10, 0), ZoneId.of("Asia/Kolkata"), Duration.ofMinutes(15), "simulator",
                DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY_SECRET, DEVELOPMENT_WEBHOOK_SECRET, "2323230000000000",
                "https://api.razorpay.com");
    }

    /** The first weekly batch at or after {@code at}. */
    public Instant nextBatch(Instant at) {
        ZonedDateTime local = at.atZone(batchZone);
        ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(batchDay)).with(batchTime)
                .withSecond(0).withNano(0);
        if (candidate.toInstant().isBefore(at)) {
            candidate = local.with(TemporalAdjusters.next(batchDay)).with(batchTime).withSecond(0).withNano(0);
        }
        return candidate.toInstant();
    }

    /** The id of the batch sent at {@code sendAt}: {@code batch-<local date>}. */
    public String batchId(Instant sendAt) {
        return "batch-" + sendAt.atZone(batchZone).toLocalDate();
    }
}

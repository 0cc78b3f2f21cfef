package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The weekly batch's timing, the money arithmetic, and destinations (checked, normalised, masked). */
class PayoutPolicyTest {

    private final PayoutPolicy policy = PayoutPolicy.defaults();

    @Test
    void theBatchIsTheNextFridayAtTenInKolkata() {
        // Monday → that week's Friday 10:00 IST = 04:30 UTC
        assertThat(policy.nextBatch(Instant.parse("2026-11-16T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T04:30:00Z"));
        // Friday 09:59 IST → the same morning; 10:01 IST → a week later
        assertThat(policy.nextBatch(Instant.parse("2026-11-20T04:29:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T04:30:00Z"));
        assertThat(policy.nextBatch(Instant.parse("2026-11-20T04:31:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T04:30:00Z"));
        assertThat(policy.batchId(Instant.parse("2026-11-20T04:30:00Z"))).isEqualTo("batch-2026-11-20");
    }

    @Test
    void theBatchScheduleIsConfigurable() {
        PayoutPolicy tuesdays = new PayoutPolicy(10_000, Duration.ofDays(7), Duration.ofHours(24), DayOfWeek.TUESDAY,
                LocalTime.of(18, 0), ZoneId.of("UTC"), Duration.ofMinutes(15), "simulator", "k", "s", "w", "1", "u");
        assertThat(tuesdays.nextBatch(Instant.parse("2026-11-16T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-17T18:00:00Z"));
    }

    @Test
    void sharesRoundHalfUpToThePaisa() {
        assertThat(EarningsPolicy.share(30_000, 2000)).isEqualTo(6_000);
        assertThat(EarningsPolicy.share(30_000, 10)).isEqualTo(30);
        assertThat(EarningsPolicy.share(5, 1000)).isEqualTo(1); // 0.5 → 1
        assertThat(EarningsPolicy.share(4, 1000)).isZero();
    }

    @Test
    void theFinancialYearStartsInAprilInIndia() {
        assertThat(EarningsPolicy.financialYear(Instant.parse("2027-03-31T18:29:00Z"))).isEqualTo(2026);
        assertThat(EarningsPolicy.financialYear(Instant.parse("2027-03-31T18:31:00Z"))).isEqualTo(2027);
    }

    @Test
    void destinationsAreNormalisedAndMasked() {
        assertThat(PayoutDestinations.normalise(PayoutMethod.UPI, " Ravi.K@OkHdfc ")).isEqualTo("ravi.k@okhdfc");
        assertThat(PayoutDestinations.mask(PayoutMethod.UPI, "ravi.k@okhdfc")).isEqualTo("ra****@okhdfc");
        assertThat(PayoutDestinations.normalise(PayoutMethod.BANK, "hdfc0001234:000123456789"))
                .isEqualTo("HDFC0001234:000123456789");
        assertThat(PayoutDestinations.mask(PayoutMethod.BANK, "HDFC0001234:000123456789"))
                .isEqualTo("HDFC0001234:XXXXXXXX6789");
        for (String bad : new String[]{"ravi", "@okhdfc", "ravi@", "ravi@ok hdfc"}) {
            assertThatThrownBy(() -> PayoutDestinations.normalise(PayoutMethod.UPI, bad))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code())
                            .isEqualTo("invalid-destination"));
        }
        for (String bad : new String[]{"HDFC0001234", "HDFC1001234:123456789", "HDFC0001234:12345", "x:y"}) {
            assertThatThrownBy(() -> PayoutDestinations.normalise(PayoutMethod.BANK, bad))
                    .isInstanceOf(RuleViolation.class);
        }
    }
}

package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's prices: ₹300 a token before GST, pack discounts, 18 % GST split by place of supply. */
class PaymentPolicyTest {

    private final PaymentPolicy policy = PaymentPolicy.defaults();

    @Test
    void aSingleTokenBilledInTheSupplierStatePaysCgstAndSgst() {
        assertThat(policy.quote("pack-1", "KA")).isEqualTo(new PaymentQuote("pack-1", 1, 30_000, 0, 30_000, 18,
                2_700, 2_700, 0, 35_400, "INR"));
    }

    @Test
    void packsCarryTheirDiscountAndOtherStatesPayIgst() {
        PaymentQuote five = policy.quote("pack-5", "MH");
        assertThat(five).isEqualTo(new PaymentQuote("pack-5", 5, 30_000, 5, 142_500, 18, 0, 0, 25_650, 168_150,
                "INR"));
        PaymentQuote ten = policy.quote("pack-10", "DL");
        assertThat(ten.taxableValue()).isEqualTo(270_000);
        assertThat(ten.igst()).isEqualTo(48_600);
        assertThat(ten.amount()).isEqualTo(318_600);
        assertThat(ten.gst()).isEqualTo(48_600);
    }

    @Test
    void gstIsRoundedHalfUpToThePaisa() {
        PaymentPolicy odd = new PaymentPolicy("simulator", "k", "s", "w", "http://x", 333, 18, "KA", "INR",
                Duration.ofMinutes(30), List.of(new PaymentPolicy.Pack("p", 1, 0)));
        // 333 × 18 % = 59.94 → 60 (IGST); 333 × 9 % = 29.97 → 30 each (CGST, SGST)
        assertThat(odd.quote("p", "MH").igst()).isEqualTo(60);
        assertThat(odd.quote("p", "KA").cgst()).isEqualTo(30);
        assertThat(odd.quote("p", "KA").amount()).isEqualTo(393);
    }

    @Test
    void anUnknownPackIsRefused() {
        assertThatThrownBy(() -> policy.quote("pack-3", "KA")).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo("unknown-pack"));
    }

    @Test
    void theDefaultPacksAreOneFiveAndTen() {
        assertThat(policy.packs()).extracting(PaymentPolicy.Pack::tokens).containsExactly(1L, 5L, 10L);
    }

    @Test
    void nonsenseConfigurationIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new PaymentPolicy("simulator", "k", "s", "w", "http://x", 0, 18, "KA", "INR",
                Duration.ofMinutes(30), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentPolicy("simulator", "k", "s", "w", "http://x", 100, 18, "KA", "INR",
                Duration.ofMinutes(30), List.of(new PaymentPolicy.Pack("a", 1, 95))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentPolicy("simulator", "k", "s", "w", "http://x", 100, 18, "XX", "INR",
                Duration.ofMinutes(30), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentPolicy("simulator", "k", "s", "w", "http://x", 100, 18, "KA", "INR",
                Duration.ofMinutes(30), List.of(new PaymentPolicy.Pack("a", 1, 0), new PaymentPolicy.Pack("a", 2, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

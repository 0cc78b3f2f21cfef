package com.mrmentor.platform.runtime.payments;

import com.mrmentor.platform.command.invoicing.InvoicingPolicy;
import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Razorpay (the postgres profile's provider) never runs with the simulator's secrets from the repository. */
class PaymentSecretsPolicyTest {

    @Test
    void razorpayRefusesTheDevelopmentSecrets() {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");

        assertThatThrownBy(() -> PaymentsConfig.checkSecrets(policy("razorpay", PaymentPolicy.DEVELOPMENT_KEY_ID,
                PaymentPolicy.DEVELOPMENT_KEY_SECRET, PaymentPolicy.DEVELOPMENT_WEBHOOK_SECRET), postgres))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAYMENT_KEY_SECRET")
                .hasMessageContaining("PAYMENT_PROVIDER=simulator");
        assertThatThrownBy(() -> PaymentsConfig.checkSecrets(policy("razorpay", "rzp_live_1", "own-secret",
                PaymentPolicy.DEVELOPMENT_WEBHOOK_SECRET), postgres))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void razorpayRunsWithItsOwnSecrets() {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");

        assertThatCode(() -> PaymentsConfig.checkSecrets(policy("razorpay", "rzp_live_1", "own-secret",
                "own-webhook-secret"), postgres)).doesNotThrowAnyException();
    }

    @Test
    void theSimulatorChosenExplicitlyMayUseItsDevelopmentSecrets() {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");

        assertThatCode(() -> PaymentsConfig.checkSecrets(PaymentPolicy.defaults(), postgres))
                .doesNotThrowAnyException();
    }

    @Test
    void realPaymentsNeedTheSuppliersOwnGstin() {
        PaymentPolicy razorpay = policy("razorpay", "rzp_live_1", "own-secret", "own-webhook-secret");

        assertThatThrownBy(() -> PaymentsConfig.checkSupplier(razorpay, InvoicingPolicy.defaults()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SUPPLIER_GSTIN");
        assertThatCode(() -> PaymentsConfig.checkSupplier(razorpay, new InvoicingPolicy("Own Pvt Ltd", "Bengaluru",
                "29AAACB5678K1Z6", "999293", PointOfTaxation.REDEMPTION, "MR", "MM", "MC", "MV")))
                .doesNotThrowAnyException();
        assertThatCode(() -> PaymentsConfig.checkSupplier(PaymentPolicy.defaults(), InvoicingPolicy.defaults()))
                .doesNotThrowAnyException();
    }

    @Test
    void blankSecretsAreRefused() {
        assertThatThrownBy(() -> PaymentsConfig.checkSecrets(policy("razorpay", "rzp_live_1", "own-secret", " "),
                new MockEnvironment())).isInstanceOf(IllegalStateException.class);
    }

    private static PaymentPolicy policy(String provider, String keyId, String keySecret, String webhookSecret) {
        return new PaymentPolicy(provider, keyId, keySecret, webhookSecret, "https://api.razorpay.com", 30_000, 18,
                "KA", "INR", Duration.ofMinutes(30), null);
    }
}

package com.mrmentor.platform.runtime.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.invoicing.InvoicingPolicy;
import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.command.payments.PaymentProvider;
import com.mrmentor.platform.saga.payments.PaymentRefunds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Chooses the payment provider ({@code platform.payments.provider}: {@code simulator}, the default, or
 * {@code razorpay}) and hands the refund saga its gateway. Razorpay is refused with the simulator's development
 * secrets, and the {@code postgres} profile (whose provider is Razorpay unless {@code PAYMENT_PROVIDER=simulator} is
 * set explicitly) therefore refuses to start without {@code PAYMENT_KEY_ID}, {@code PAYMENT_KEY_SECRET} and
 * {@code PAYMENT_WEBHOOK_SECRET}, as it does without {@code JWT_SECRET}.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentsConfig {

    @Bean
    PaymentProvider paymentProvider(PaymentPolicy policy, InvoicingPolicy invoicing, ObjectMapper json,
                                    Environment environment, Clock clock,
                                    @Value("${platform.payments.simulator.webhook-url:}") String webhookUrl,
                                    @Value("${platform.payments.timeout:PT10S}") Duration timeout) {
        checkSecrets(policy, environment);
        checkSupplier(policy, invoicing);
        return switch (policy.provider()) {
            case "simulator" -> new SimulatedPaymentProvider(policy, json, environment, webhookUrl, clock);
            case "razorpay" -> new RazorpayPaymentProvider(policy.baseUrl(), policy.keyId(), policy.keySecret(),
                    json, timeout);
            default -> throw new IllegalStateException("platform.payments.provider must be simulator or razorpay, "
                    + "was " + policy.provider());
        };
    }

    /** The saga's refunds go to the configured provider; any refusal is reported to the saga as such. */
    @Bean
    PaymentRefunds paymentRefunds(PaymentProvider provider) {
        return (providerPaymentId, amount, refundId) -> {
            try {
                return provider.refund(providerPaymentId, amount, refundId.toString(),
                        Map.of("refundId", refundId.toString())).id();
            } catch (PaymentProvider.ProviderException refused) {
                throw new PaymentRefunds.RefundRefused(refused.getMessage());
            }
        };
    }

    /** Secrets anyone can read in the repository are fine for the simulator only. */
    static void checkSecrets(PaymentPolicy policy, Environment environment) {
        boolean developmentSecrets = PaymentPolicy.DEVELOPMENT_KEY_SECRET.equals(policy.keySecret())
                || PaymentPolicy.DEVELOPMENT_WEBHOOK_SECRET.equals(policy.webhookSecret())
                || PaymentPolicy.DEVELOPMENT_KEY_ID.equals(policy.keyId());
        if (developmentSecrets && !"simulator".equals(policy.provider())) {
            throw new IllegalStateException("Refusing to start: the " + policy.provider() + " payment provider "
                    + "needs its own PAYMENT_KEY_ID, PAYMENT_KEY_SECRET and PAYMENT_WEBHOOK_SECRET, not the "
                    + "simulator's development secrets"
                    + (environment.acceptsProfiles(Profiles.of("postgres"))
                    ? " (or PAYMENT_PROVIDER=simulator, explicitly)" : ""));
        }
        if (isBlank(policy.keyId()) || isBlank(policy.keySecret()) || isBlank(policy.webhookSecret())) {
            throw new IllegalStateException("platform.payments key id, key secret and webhook secret must be set");
        }
    }

    /** Real money gets real tax documents: not with the made-up development GSTIN. */
    static void checkSupplier(PaymentPolicy policy, InvoicingPolicy invoicing) {
        if (!"simulator".equals(policy.provider())
                && InvoicingPolicy.DEVELOPMENT_GSTIN.equals(invoicing.supplierGstin())) {
            throw new IllegalStateException("Refusing to start: the " + policy.provider() + " payment provider "
                    + "takes real payments, whose GST documents need the platform's own SUPPLIER_GSTIN (and "
                    + "SUPPLIER_NAME, SUPPLIER_ADDRESS), not the development GSTIN");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

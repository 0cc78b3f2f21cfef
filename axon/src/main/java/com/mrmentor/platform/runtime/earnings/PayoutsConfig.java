package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.earnings.PayoutPolicy;
import com.mrmentor.platform.command.earnings.PayoutProvider;
import com.mrmentor.platform.runtime.mail.MailTemplates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Chooses the payout provider ({@code platform.payouts.provider}: {@code simulator}, the default, or
 * {@code razorpayx}); RazorpayX is refused with the simulator's development secrets, so a production start needs
 * {@code PAYOUT_KEY_ID}, {@code PAYOUT_KEY_SECRET}, {@code PAYOUT_WEBHOOK_SECRET} and {@code PAYOUT_ACCOUNT_NUMBER}.
 */
@Configuration(proxyBeanMethods = false)
public class PayoutsConfig {

    @Bean
    PayoutProvider payoutProvider(PayoutPolicy policy, ObjectMapper json, org.springframework.core.env.Environment env,
                                  java.time.Clock clock,
                                  @Value("${platform.payouts.simulator.webhook-url:}") String webhookUrl,
                                  @Value("${platform.payouts.timeout:PT10S}") Duration timeout) {
        checkSecrets(policy);
        return switch (policy.provider()) {
            case "simulator" -> new SimulatedPayoutProvider(policy, json, env, webhookUrl, clock);
            case "razorpayx" -> new RazorpayXPayoutProvider(policy.baseUrl(), policy.keyId(), policy.keySecret(),
                    policy.accountNumber(), json, timeout);
            default -> throw new IllegalStateException("platform.payouts.provider must be simulator or razorpayx, "
                    + "was " + policy.provider());
        };
    }

    @Bean
    PayoutMail payoutMail(JdbcTemplate jdbc) {
        return new PayoutMail(MailTemplates.load(PayoutMail.TEMPLATES), jdbc);
    }

    /** Secrets anyone can read in the repository are fine for the simulator only. */
    static void checkSecrets(PayoutPolicy policy) {
        boolean development = PayoutPolicy.DEVELOPMENT_KEY_SECRET.equals(policy.keySecret())
                || PayoutPolicy.DEVELOPMENT_WEBHOOK_SECRET.equals(policy.webhookSecret())
                || PayoutPolicy.DEVELOPMENT_KEY_ID.equals(policy.keyId());
        if (development && !"simulator".equals(policy.provider())) {
            throw new IllegalStateException("Refusing to start: the " + policy.provider() + " payout provider needs "
                    + "its own PAYOUT_KEY_ID, PAYOUT_KEY_SECRET and PAYOUT_WEBHOOK_SECRET, not the simulator's");
        }
        if (isBlank(policy.keyId()) || isBlank(policy.keySecret()) || isBlank(policy.webhookSecret())) {
            throw new IllegalStateException("platform.payouts key id, key secret and webhook secret must be set");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

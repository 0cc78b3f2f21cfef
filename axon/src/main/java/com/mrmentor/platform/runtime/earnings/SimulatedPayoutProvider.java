package com.mrmentor.platform.runtime.earnings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.earnings.PayoutPolicy;
import com.mrmentor.platform.command.earnings.PayoutProvider;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks.Delivery;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks.SignedWebhook;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import org.springframework.core.env.Environment;


import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for RazorpayX payouts, for the default profile and the tests. It accepts payouts in memory (one per
 * reference: a repeated call answers the same payout, like the idempotency key), never moves money, and plays the
 * provider: it sends correctly signed {@code payout.*} webhooks (processed with a UTR, failed, reversed, …) to the
 * platform's own {@code /api/payouts/webhook}, as often and in whatever order the caller likes. A destination starting
 * with {@code refuse} is refused at once, and {@link #unavailableFor} makes the next calls fail as unreachable.
 */
public class SimulatedPayoutProvider implements PayoutProvider {

    private final PayoutPolicy policy;
    private final ObjectMapper json;
    private final Clock clock;
    private final SimulatedWebhooks webhooks;
    private final Map<String, Payout> byReference = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();

    public SimulatedPayoutProvider(PayoutPolicy policy, ObjectMapper json, Environment environment, String webhookUrl,
                                   Clock clock) {
        this.policy = policy;
        this.json = json;
        this.clock = clock;
        this.webhooks = new SimulatedWebhooks(json, environment, webhookUrl, "/api/payouts/webhook",
                policy.webhookSecret(), clock);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public ProviderPayout createPayout(String reference, long amount, String currency, PayoutMethod method,
                                      String destination, String narration) {
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProviderUnavailable("the simulator plays an outage", null);
        }
        if (destination.startsWith("refuse")) {
            throw new PayoutRefused("Invalid beneficiary details");
        }
        Payout payout = byReference.computeIfAbsent(reference, r -> new Payout("pout_" + randomId(), r, amount,
                currency, method));
        return new ProviderPayout(payout.id(), "processing");
    }

    // ---- playing the provider -----------------------------------------------------------------------------------

    /** The next {@code calls} payout calls fail as if the provider were unreachable. */
    public void unavailableFor(int calls) {
        unavailable.set(calls);
    }

    /** The payout the simulator accepted for our payout id. */
    public Optional<Payout> payout(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /** The signed webhook {@code payout.<status>} for that payout, with a new event id. */
    public SignedWebhook webhook(Payout payout, String status, String utr, String failureReason) {
        return webhook(payout, status, payout.amount(), utr, failureReason);
    }

    /** A webhook claiming another amount (signed all the same). */
    public SignedWebhook webhook(Payout payout, String status, long amount, String utr, String failureReason) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", payout.id());
        entity.put("entity", "payout");
        entity.put("fund_account_id", "fa_simulator");
        entity.put("amount", amount);
        entity.put("currency", payout.currency());
        entity.put("fees", 0);
        entity.put("tax", 0);
        entity.put("status", status);
        entity.put("purpose", "payout");
        entity.put("utr", utr);
        entity.put("mode", payout.method() == PayoutMethod.UPI ? "UPI" : "IMPS");
        entity.put("reference_id", payout.reference());
        entity.put("failure_reason", failureReason);
        entity.put("created_at", clock.instant().getEpochSecond());
        return webhooks.event("payout." + status, "payout", entity);
    }

    /** Sends {@code webhook} to the platform as the provider would; returns the HTTP status and body. */
    public Delivery deliver(SignedWebhook webhook) {
        return webhooks.deliver(webhook);
    }

    private String randomId() {
        return webhooks.randomId();
    }

    /** A payout as the simulator keeps it. */
    public record Payout(String id, String reference, long amount, String currency, PayoutMethod method) {
    }

}

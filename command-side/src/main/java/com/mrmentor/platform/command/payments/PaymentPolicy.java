package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.payments.IndianStates;
import com.mrmentor.platform.shared.payments.PaymentQuote;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code platform.payments.*}: the provider and its secrets, the price of a token and the packs on sale, GST, and how
 * long an unpaid order lives. Prices are set here, never by a client.
 *
 * @param provider       {@code simulator} (the default, local and in tests) or {@code razorpay}
 * @param keyId          the provider's public key id, handed to the checkout page
 * @param keySecret      the key secret: signs checkout callbacks and authenticates our calls to the provider
 * @param webhookSecret  signs the provider's webhooks
 * @param baseUrl        the provider's API
 * @param tokenPrice     list price of one token in paise, excluding GST (₹300)
 * @param gstRatePercent GST on the taxable value (18 %)
 * @param supplierState  the platform's own state (ISO 3166-2:IN): buyers there pay CGST + SGST, others IGST
 * @param currency       the only currency sold in
 * @param orderTtl       an unpaid order expires this long after it was created
 * @param packs          the packs on sale (default: 1, 5 and 10 tokens)
 */
@ConfigurationProperties("platform.payments")
public record PaymentPolicy(@DefaultValue("simulator") String provider,
                            @DefaultValue(DEVELOPMENT_KEY_ID) String keyId,
                            @DefaultValue(DEVELOPMENT_KEY_SECRET) String keySecret,
                            @DefaultValue(DEVELOPMENT_WEBHOOK_SECRET) String webhookSecret,
                            @DefaultValue("https://api.razorpay.com") String baseUrl,
                            @DefaultValue("30000") long tokenPrice,
                            @DefaultValue("18") int gstRatePercent,
                            @DefaultValue("KA") String supplierState,
                            @DefaultValue("INR") String currency,
                            @DefaultValue("PT30M") Duration orderTtl,
                            List<Pack> packs) {

    /** The simulator's key id; anyone can read it in the repository. */
    public static final String DEVELOPMENT_KEY_ID = "rzp_test_simulator";
    /** The simulator's key secret; refused under the postgres profile unless the simulator is chosen explicitly. */
    public static final String DEVELOPMENT_KEY_SECRET = "development-only-payment-key-secret";
    /** The simulator's webhook secret; refused like the key secret. */
    public static final String DEVELOPMENT_WEBHOOK_SECRET = "development-only-payment-webhook-secret";

    /** The packs on sale when none are configured. */
    public static final List<Pack> DEFAULT_PACKS = List.of(new Pack("pack-1", 1, 0), new Pack("pack-5", 5, 5),
            new Pack("pack-10", 10, 10));

    public PaymentPolicy {
        packs = packs == null || packs.isEmpty() ? DEFAULT_PACKS : List.copyOf(packs);
        if (tokenPrice <= 0) {
            throw new IllegalArgumentException("platform.payments.token-price must be positive paise");
        }
        if (gstRatePercent < 0 || gstRatePercent > 100) {
            throw new IllegalArgumentException("platform.payments.gst-rate-percent must be 0–100");
        }
        if (!IndianStates.isValid(supplierState)) {
            throw new IllegalArgumentException("platform.payments.supplier-state must be an Indian state code");
        }
        if (orderTtl == null || orderTtl.isNegative() || orderTtl.isZero()) {
            throw new IllegalArgumentException("platform.payments.order-ttl must be positive");
        }
        HashSet<String> ids = new HashSet<>();
        for (Pack pack : packs) {
            if (pack.id() == null || pack.id().isBlank() || !ids.add(pack.id())) {
                throw new IllegalArgumentException("platform.payments.packs need distinct ids");
            }
            if (pack.tokens() <= 0 || pack.tokens() > 10_000) {
                throw new IllegalArgumentException("pack " + pack.id() + ": tokens must be 1–10000");
            }
            if (pack.discountPercent() < 0 || pack.discountPercent() > 90) {
                throw new IllegalArgumentException("pack " + pack.id() + ": discount-percent must be 0–90");
            }
        }
    }

    /** The built-in defaults, for tests. */
    public static PaymentPolicy defaults() {
        return new PaymentPolicy("simulator", DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY_SECRET, DEVELOPMENT_WEBHOOK_SECRET,
                "https://api.razorpay.com", 30_000, 18, "KA", "INR", Duration.ofMinutes(30), null);
    }

    /** The pack called {@code id}, if on sale. */
    public Optional<Pack> pack(String id) {
        return packs.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The price of pack {@code packId} for a buyer in {@code billingState}: tokens × token price less the pack's
     * discount (rounded down to the paisa) is the taxable value; GST on it is rounded half up to the paisa, as two
     * halves (CGST, SGST) within the supplier's state and as IGST across states.
     */
    public PaymentQuote quote(String packId, String billingState) {
        Pack pack = pack(packId).orElseThrow(PaymentRules::unknownPack);
        long listPrice = Math.multiplyExact(pack.tokens(), tokenPrice);
        long taxable = Math.multiplyExact(listPrice, 100 - pack.discountPercent()) / 100;
        long cgst = 0;
        long sgst = 0;
        long igst = 0;
        if (supplierState.equals(billingState)) {
            cgst = (taxable * gstRatePercent + 100) / 200;
            sgst = cgst;
        } else {
            igst = (taxable * gstRatePercent + 50) / 100;
        }
        return new PaymentQuote(pack.id(), pack.tokens(), tokenPrice, pack.discountPercent(), taxable,
                gstRatePercent, cgst, sgst, igst, taxable + cgst + sgst + igst, currency);
    }

    /**
     * A pack on sale.
     *
     * @param id              what clients order it by
     * @param tokens          tokens granted
     * @param discountPercent discount on the list price, 0–90
     */
    public record Pack(String id, long tokens, int discountPercent) {
    }
}

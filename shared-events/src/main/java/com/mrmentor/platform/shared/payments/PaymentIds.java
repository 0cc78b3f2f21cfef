package com.mrmentor.platform.shared.payments;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Aggregate identifiers of the payments context, and the ids that derive from an order. */
public final class PaymentIds {

    /** Prefix of every payment order's aggregate identifier. */
    public static final String ORDER_PREFIX = "payment-order:";

    private PaymentIds() {
    }

    /** The aggregate identifier of payment order {@code orderId}. */
    public static String order(UUID orderId) {
        return ORDER_PREFIX + orderId;
    }

    /**
     * The id of the token grant a paid order credits. It derives from the order alone, so that however often a
     * capture is reported the wallet can only ever see one grant for the order.
     */
    public static UUID grantOf(UUID orderId) {
        return UUID.nameUUIDFromBytes(("payment-grant\n" + orderId).getBytes(StandardCharsets.UTF_8));
    }
}

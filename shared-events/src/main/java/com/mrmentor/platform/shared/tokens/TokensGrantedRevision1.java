package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/**
 * What revision 1 of {@link TokensGranted} said, implicitly, about what revision 2 states: the rule of the code that
 * wrote those events, frozen here for the upcaster and for every reader of stored JSON. It must never follow later
 * changes of the writing code: stored events keep the shape they were written in.
 *
 * <ul>
 *   <li>Only a purchase credited tokens without a granting person: {@code grantedBy} null means
 *       {@link GrantSource#PURCHASE}, anything else {@link GrantSource#MANUAL}.</li>
 *   <li>A purchase named its payment order only in its reason, written as {@code "token purchase, order <orderId>"}
 *       (and its grant id derives from the order: {@code PaymentIds.grantOf(orderId)}).</li>
 * </ul>
 */
public final class TokensGrantedRevision1 {

    /** How revision 1's purchases began their reason; the order id follows. */
    public static final String PURCHASE_REASON_PREFIX = "token purchase, order ";

    private TokensGrantedRevision1() {
    }

    /** The source a revision-1 grant had: a purchase if nobody granted it. */
    public static GrantSource source(UUID grantedBy) {
        return grantedBy == null ? GrantSource.PURCHASE : GrantSource.MANUAL;
    }

    /** The payment order of a revision-1 purchase, read from its reason; null for a person's grant or no order. */
    public static UUID orderId(UUID grantedBy, String reason) {
        if (source(grantedBy) != GrantSource.PURCHASE || reason == null
                || !reason.startsWith(PURCHASE_REASON_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(reason.substring(PURCHASE_REASON_PREFIX.length()).trim());
        } catch (IllegalArgumentException notAnOrderId) {
            return null;
        }
    }
}

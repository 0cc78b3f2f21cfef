package com.mrmentor.platform.query.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.TokensGrantedRevision1;

import java.util.UUID;

/**
 * A {@link TokensGranted} read from the store's JSON as it was written, of either revision. The event store keeps every
 * event in the shape it was written in, and a scan of stored JSON (the reconciliation, the as-of figures) does not pass
 * through the upcasters: revision 2 states {@code source} and {@code orderId}; revision 1 (stored as {@code "1"}, or
 * without a revision) implies them by {@link TokensGrantedRevision1}, exactly as the upcaster does.
 *
 * @param userId   the wallet's owner
 * @param grantId  the grant
 * @param amount   tokens credited
 * @param category PAID or PROMOTIONAL
 * @param source   MANUAL or PURCHASE
 * @param orderId  the purchase's payment order, null otherwise
 */
public record StoredTokensGranted(UUID userId, UUID grantId, long amount, TokenCategory category, GrantSource source,
                                  UUID orderId) {

    /** The payload type of the event in the store. */
    public static final String TYPE = TokensGranted.class.getName();

    /** Whether {@code event} is a {@code TokensGranted} (of any revision). */
    public static boolean is(StoredEvent event) {
        return TYPE.equals(event.type());
    }

    /** Reads {@code event}, which must be a {@code TokensGranted}; an unknown (future) revision is refused. */
    public static StoredTokensGranted of(StoredEvent event) {
        if (!is(event)) {
            throw new IllegalArgumentException("not a TokensGranted: " + event.type());
        }
        JsonNode p = event.payload();
        UUID userId = uuid(p, "userId");
        UUID grantId = uuid(p, "grantId");
        long amount = p.get("amount").asLong();
        TokenCategory category = TokenCategory.valueOf(p.get("category").asText());
        String revision = event.revision();
        if (revision == null || revision.equals("1")) {
            UUID grantedBy = uuid(p, "grantedBy");
            String reason = p.hasNonNull("reason") ? p.get("reason").asText() : null;
            return new StoredTokensGranted(userId, grantId, amount, category,
                    TokensGrantedRevision1.source(grantedBy), TokensGrantedRevision1.orderId(grantedBy, reason));
        }
        if (revision.equals("2")) {
            return new StoredTokensGranted(userId, grantId, amount, category,
                    GrantSource.valueOf(p.get("source").asText()), uuid(p, "orderId"));
        }
        throw new IllegalStateException("TokensGranted revision " + revision + " is unknown to this reader (event "
                + event.eventId() + "): teach it the new revision");
    }

    private static UUID uuid(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : UUID.fromString(node.asText());
    }
}

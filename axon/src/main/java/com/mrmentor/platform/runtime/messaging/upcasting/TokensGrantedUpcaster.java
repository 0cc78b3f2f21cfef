package com.mrmentor.platform.runtime.messaging.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.TokensGrantedRevision1;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.UUID;

/**
 * {@link TokensGranted} revision 1 → 2: states the grant's {@code source} and, for a purchase, its {@code orderId},
 * by the rule revision 1 was written under ({@link TokensGrantedRevision1}). Every other field is kept as stored.
 * Events stored without a revision are revision 1 too.
 */
public class TokensGrantedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = TokensGranted.class.getName();
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        SerializedType type = event.getType();
        return TYPE.equals(type.getName()) && (type.getRevision() == null || "1".equals(type.getRevision()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, TokensGrantedUpcaster::toRevision2);
    }

    /** The revision-2 payload of a revision-1 payload (a copy; the input is left as it is). */
    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode payload = revision1.deepCopy();
        UUID grantedBy = uuidOrNull(payload.get("grantedBy"));
        String reason = payload.hasNonNull("reason") ? payload.get("reason").asText() : null;
        GrantSource source = TokensGrantedRevision1.source(grantedBy);
        UUID orderId = TokensGrantedRevision1.orderId(grantedBy, reason);
        payload.put("source", source.name());
        if (orderId == null) {
            payload.putNull("orderId");
        } else {
            payload.put("orderId", orderId.toString());
        }
        return payload;
    }

    private static UUID uuidOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asText());
    }
}

package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.common.PersonalData;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hides personal data in events shown in bulk (the audit feed, exports, correlation chains): every
 * {@link PersonalData} component of the payload's class (and of records nested in it) reads {@value #REDACTED}, and
 * the metadata shows only who acted, where and why (the client's address and anything else read redacted). Works on the stored JSON, so nothing is decrypted to be hidden again.
 */
final class PersonalFields {

    static final String REDACTED = "[redacted]";
    /** The metadata a bulk read shows; any other entry (client address, idempotency key, later ones) is redacted. */
    private static final Set<String> SHOWN_METADATA = Set.of(MetadataKeys.USER_ID, MetadataKeys.ROLES,
            MetadataKeys.PLATFORM, MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID, MetadataKeys.REQUEST_ID);

    /** Per payload class: its personal components, and its components holding records that may have some. */
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** A copy of {@code payload} (stored JSON of a {@code payloadType}) with its personal fields redacted. */
    static JsonNode redactPayload(String payloadType, JsonNode payload) {
        Class<?> type;
        try {
            type = Class.forName(payloadType, false, PersonalFields.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return payload; // an event type this build no longer has: nothing is known to be personal in it
        }
        JsonNode copy = payload.deepCopy();
        redact(type, copy);
        return copy;
    }

    /** A copy of {@code metadata} showing only who acted, where and why; everything else reads redacted. */
    static JsonNode redactMetadata(JsonNode metadata) {
        if (!(metadata instanceof ObjectNode object)) {
            return metadata;
        }
        ObjectNode copy = object.deepCopy();
        object.fieldNames().forEachRemaining(key -> {
            if (!SHOWN_METADATA.contains(key)) {
                copy.put(key, REDACTED);
            }
        });
        return copy;
    }

    private static void redact(Class<?> type, JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> redact(type, element));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Shape shape = SHAPES.computeIfAbsent(type, PersonalFields::shapeOf);
        shape.personal().forEach(name -> {
            if (object.hasNonNull(name)) {
                object.put(name, REDACTED);
            }
        });
        shape.nested().forEach((name, nestedType) -> {
            if (object.has(name)) {
                redact(nestedType, object.get(name));
            }
        });
    }

    private static Shape shapeOf(Class<?> type) {
        if (!type.isRecord()) {
            return new Shape(Set.of(), Map.of());
        }
        Set<String> personal = new java.util.HashSet<>();
        Map<String, Class<?>> nested = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
            } else if (component.getType().isRecord()) {
                nested.put(component.getName(), component.getType());
            } else if (Collection.class.isAssignableFrom(component.getType())
                    && component.getGenericType() instanceof ParameterizedType generic) {
                Type element = generic.getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    nested.put(component.getName(), elementClass);
                }
            }
        }
        return new Shape(Set.copyOf(personal), Map.copyOf(nested));
    }

    private record Shape(Set<String> personal, Map<String, Class<?>> nested) {
    }
}

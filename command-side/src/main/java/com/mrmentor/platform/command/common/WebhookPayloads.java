package com.mrmentor.platform.command.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.shared.common.RuleViolation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Reading a provider's verified webhook (payments and payouts alike): required fields, amounts in paise, and the
 * delivery's event id for de-duplication. {@code malformed} turns what is missing into the context's own
 * {@code malformed-webhook} violation.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** The non-blank text of {@code field}. */
    public static String text(JsonNode node, String field, Function<String, RuleViolation> malformed) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed.apply("no " + field);
        }
        return value.asText();
    }

    /** The integral {@code amount} of an entity. */
    public static long amount(JsonNode entity, Function<String, RuleViolation> malformed) {
        JsonNode amount = entity.path("amount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw malformed.apply("no amount");
        }
        return amount.asLong();
    }

    /** The delivery's id: the provider's event-id header, else the payload's {@code id}, else the body's SHA-256. */
    public static String eventId(String header, JsonNode event, byte[] raw) {
        if (header != null && !header.isBlank()) {
            return header.length() > 200 ? header.substring(0, 200) : header;
        }
        if (event.path("id").isTextual() && !event.path("id").asText().isBlank()) {
            return event.path("id").asText();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package com.mrmentor.platform.command.payments;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The provider's signatures (Razorpay's scheme): HMAC-SHA256, lower-case hex. The checkout callback is signed over
 * {@code providerOrderId|providerPaymentId} with the key secret; a webhook over its raw body bytes with the webhook
 * secret. Signatures are compared in constant time, so the time of a refusal says nothing about how much matched.
 */
public final class PaymentSignatures {

    private PaymentSignatures() {
    }

    /** HMAC-SHA256 of {@code data} under {@code secret}, lower-case hex. */
    public static String hmacSha256Hex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** What the checkout callback's signature covers. */
    public static byte[] checkoutPayload(String providerOrderId, String providerPaymentId) {
        return (providerOrderId + '|' + providerPaymentId).getBytes(StandardCharsets.UTF_8);
    }

    /** The checkout signature the provider makes for this payment of this order. */
    public static String checkoutSignature(String keySecret, String providerOrderId, String providerPaymentId) {
        return hmacSha256Hex(keySecret, checkoutPayload(providerOrderId, providerPaymentId));
    }

    /** Whether {@code presented} is the signature of {@code data} under {@code secret}, compared in constant time. */
    public static boolean verify(String secret, byte[] data, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] expected = hmacSha256Hex(secret, data).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}

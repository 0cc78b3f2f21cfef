package com.mrmentor.platform.command.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA1, 6 digits, 30-second
 * steps, secrets in Base32 (RFC 4648, no padding). A code is accepted for the current step and one step either
 * side (clock drift), and each step only once: the caller keeps the last accepted step and passes it back.
 */
public final class Totp {

    /** Seconds per time step. */
    public static final int STEP_SECONDS = 30;
    /** Digits per code. */
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    private static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random secret: 160 bits, Base32 without padding (32 characters). */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return base32Encode(secret);
    }

    /**
     * The {@code otpauth://} URI that authenticator apps read from a QR code.
     *
     * @param issuer      the service name shown in the app (e.g. "Mentor Platform")
     * @param accountName the user's account, usually the e-mail
     * @param secret      the Base32 secret
     */
    public static String otpauthUri(String issuer, String accountName, String secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label
                + "?secret=" + secret
                + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /**
     * The time step matched by {@code code}, if it is the code of the current step or of one step either side and
     * that step is later than {@code lastUsedStep} (so that an accepted code cannot be replayed).
     *
     * @param base32Secret the user's secret
     * @param code         what the user typed: exactly 6 ASCII digits
     * @param now          the current time
     * @param lastUsedStep the step accepted last for this secret, or a negative number if none
     * @return the matched step, to be stored as the new {@code lastUsedStep}; empty if the code is refused
     */
    public static OptionalLong verify(String base32Secret, String code, Instant now, long lastUsedStep) {
        if (!isSixDigits(code)) {
            return OptionalLong.empty();
        }
        byte[] key = base32Decode(base32Secret);
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = -1;
        // Every candidate step is computed and compared, matched or not, so timing says nothing about which one.
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            byte[] expected = codeForStep(key, step).getBytes(StandardCharsets.US_ASCII);
            boolean equal = MessageDigest.isEqual(expected, given);
            if (equal && step > lastUsedStep && matched < 0) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** The code of the time step containing {@code t}; for tests and enrolment checks. */
    public static String codeAt(String base32Secret, Instant t) {
        return codeForStep(base32Decode(base32Secret), stepAt(t));
    }

    /** The time step containing {@code t}. */
    public static long stepAt(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
    }

    /** RFC 4648 Base32, upper case, without padding. */
    public static String base32Encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return out.toString();
    }

    /**
     * Decodes RFC 4648 Base32; case, spaces, hyphens and trailing padding are tolerated (apps and users write secrets
     * in groups).
     *
     * @throws IllegalArgumentException if a character is outside the alphabet
     */
    public static byte[] base32Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '=') {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not a Base32 secret");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String codeForStep(byte[] key, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int otp = binary % 1_000_000;
        return String.format(Locale.ROOT, "%06d", otp);
    }

    private static boolean isSixDigits(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a URI path and query want %20 for a space.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

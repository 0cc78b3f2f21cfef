package com.mrmentor.platform.command.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

/**
 * A keyed hash (HMAC-SHA256) of a normalised e-mail address. Finds an account by e-mail, and matches an invitation,
 * without the address being readable from the event store or the directory; without the key the hash cannot be
 * tested against guesses.
 */
public final class EmailIndex {

    private final SecretKeySpec key;

    public EmailIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The e-mail index key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The e-mail as accounts store it: trimmed and lower-cased. */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The index of {@code email}. */
    public String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(normalise(email).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

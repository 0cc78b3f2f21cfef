package com.mrmentor.platform.runtime.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The master key of personal data. It is never used directly: each use gets its own 32-byte key,
 * HMAC-SHA256(master key, purpose), so that the key that wraps persons' keys and the key of the e-mail index are
 * unrelated.
 */
final class PersonalDataMasterKey {

    /** Purpose of the key that wraps every person's key in {@code personal_data_key}. */
    static final String KEY_WRAPPING = "personal-data-key-wrap-v1";
    /** Purpose of the key of the e-mail index. */
    static final String EMAIL_INDEX = "email-index-v1";

    private final byte[] key;

    PersonalDataMasterKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The personal-data master key must be at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The 32-byte key for {@code purpose}. */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PersonalDataMasterKey[" + key.length + " bytes]";
    }
}

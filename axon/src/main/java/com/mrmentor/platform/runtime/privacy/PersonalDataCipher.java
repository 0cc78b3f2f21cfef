package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.shared.common.PersonalData;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals one personal field with its person's key, and opens it again. A sealed field describes itself:
 * {@code pii:v1:<subject uuid>:<base64url(iv || ciphertext || tag)>}, AES-256-GCM with a random 12-byte IV and the
 * subject id as associated data (a value cannot be moved to another person). Once the subject is erased, sealing
 * writes {@link PersonalData#ERASED} and opening answers it.
 */
@Component
public class PersonalDataCipher {

    /** How every sealed value starts. */
    public static final String PREFIX = "pii:v1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int UUID_CHARS = 36;

    private final PersonalDataVault vault;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataVault vault) {
        this.vault = vault;
    }

    /**
     * {@code plaintext} sealed with {@code subject}'s key (created on first use); {@code null} stays {@code null};
     * {@link PersonalData#ERASED} if the subject was erased.
     */
    public String seal(UUID subject, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        if (subject == null) {
            throw new IllegalArgumentException("Personal data needs a data subject to be sealed for");
        }
        Optional<SecretKey> key = vault.keyFor(subject);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(bytesOf(subject));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + subject + ':' + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a sealed value; {@link PersonalData#ERASED} if its subject was erased; any value that does not
     * start with {@link #PREFIX} unchanged (written before encryption, or already erased).
     *
     * @throws UnreadablePersonalDataException if the value starts like a sealed one but is malformed, or does not
     *                                         authenticate (altered, or sealed with a key this store does not hold)
     */
    public String open(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        Sealed sealed = parse(value);
        Optional<SecretKey> key = vault.existingKey(sealed.subject());
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed.payload(), 0, IV_BYTES));
            cipher.updateAAD(bytesOf(sealed.subject()));
            byte[] plaintext = cipher.doFinal(sealed.payload(), IV_BYTES, sealed.payload().length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException altered) {
            throw new UnreadablePersonalDataException("Sealed personal data of subject " + sealed.subject()
                    + " does not authenticate: the stored value was altered", altered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether {@code value} has the shape of a sealed value (says nothing about whether it opens). */
    public static boolean isSealed(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return false;
        }
        try {
            parse(value);
            return true;
        } catch (UnreadablePersonalDataException malformed) {
            return false;
        }
    }

    private static Sealed parse(String value) {
        int subjectEnd = PREFIX.length() + UUID_CHARS;
        if (value.length() <= subjectEnd + 1 || value.charAt(subjectEnd) != ':') {
            throw malformed();
        }
        String subjectText = value.substring(PREFIX.length(), subjectEnd);
        UUID subject;
        byte[] payload;
        try {
            subject = UUID.fromString(subjectText);
            payload = Base64.getUrlDecoder().decode(value.substring(subjectEnd + 1));
        } catch (IllegalArgumentException notSealed) {
            throw malformed();
        }
        if (!subject.toString().equals(subjectText) || payload.length < IV_BYTES + TAG_BITS / 8) {
            throw malformed();
        }
        return new Sealed(subject, payload);
    }

    private static UnreadablePersonalDataException malformed() {
        return new UnreadablePersonalDataException("A value starts with '" + PREFIX
                + "' but is not a well-formed sealed value: it was altered or truncated");
    }

    static byte[] bytesOf(UUID subject) {
        return ByteBuffer.allocate(16)
                .putLong(subject.getMostSignificantBits())
                .putLong(subject.getLeastSignificantBits())
                .array();
    }

    private record Sealed(UUID subject, byte[] payload) {
    }
}

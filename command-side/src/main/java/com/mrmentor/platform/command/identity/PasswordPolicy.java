package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@link IdentityPolicy#minPasswordLength()} characters, at most 128, not the
 * account's e-mail (or its name part), and not on the list of common passwords shipped in
 * {@code identity/common-passwords.txt}. No composition rules: length and a deny list do more (NIST SP 800-63B).
 */
@Component
public class PasswordPolicy {

    /** BCrypt reads at most 72 bytes; a longer password would be cut (or refused by the encoder). */
    static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    @Autowired
    public PasswordPolicy(IdentityPolicy policy) {
        this(policy.minPasswordLength(), loadCommonPasswords());
    }

    PasswordPolicy(int minLength, Set<String> common) {
        this.minLength = minLength;
        this.common = common;
    }

    /** Refuses {@code password} for the account of {@code email} with a problem naming {@code field}. */
    public void check(String password, String email, String field) {
        if (password == null || password.length() < minLength) {
            throw weak(field, "must be at least " + minLength + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw weak(field, "must be at most " + MAX_BYTES + " bytes long (72 ASCII characters)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null) {
            String normalised = EmailIndex.normalise(email);
            String localPart = normalised.contains("@") ? normalised.substring(0, normalised.indexOf('@')) : normalised;
            if (lower.equals(normalised) || lower.equals(localPart)) {
                throw weak(field, "must not be your e-mail address");
            }
        }
        if (common.contains(lower)) {
            throw weak(field, "is one of the most common passwords; choose another");
        }
    }

    private static RuleViolation weak(String field, String why) {
        return new RuleViolation("weak-password", RuleViolation.Kind.UNPROCESSABLE, field + " " + why);
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

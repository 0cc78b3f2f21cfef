package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.shared.identity.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The users configured for the server (the bootstrap admin and any further ones), with BCrypt-hashed passwords.
 * Stands in for accounts until the identity capability lands; nothing else reads configuration passwords.
 */
@Component
public class BootstrapUsers {

    /** A configured user, with the password already hashed. */
    public record User(UUID id, String email, String passwordHash, List<Role> roles) {
    }

    private final Map<String, User> byEmail;
    private final PasswordEncoder passwords;
    /** Compared against when the e-mail is unknown, so that timing does not reveal which e-mails exist. */
    private final String decoyHash;

    public BootstrapUsers(SecurityProperties properties, PasswordEncoder passwords) {
        this.passwords = passwords;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
        List<SecurityProperties.BootstrapUser> configured = new ArrayList<>();
        if (properties.admin() != null) {
            configured.add(properties.admin());
        }
        configured.addAll(properties.users());
        this.byEmail = configured.stream()
                .map(this::toUser)
                .collect(Collectors.toMap(User::email, Function.identity()));
    }

    /** The user with {@code email} if {@code password} is theirs. */
    public Optional<User> authenticate(String email, String password) {
        User user = byEmail.get(email.toLowerCase(Locale.ROOT));
        boolean matches = passwords.matches(password, user == null ? decoyHash : user.passwordHash());
        return matches && user != null ? Optional.of(user) : Optional.empty();
    }

    private User toUser(SecurityProperties.BootstrapUser configured) {
        if (configured.email() == null || configured.email().isBlank()
                || configured.password() == null || configured.password().isBlank()) {
            throw new IllegalStateException("A configured user needs an e-mail and a password "
                    + "(for the admin: ADMIN_EMAIL and ADMIN_PASSWORD)");
        }
        String email = configured.email().toLowerCase(Locale.ROOT);
        UUID id = configured.id() != null ? UUID.fromString(configured.id())
                : UUID.nameUUIDFromBytes(("bootstrap-user:" + email).getBytes(StandardCharsets.UTF_8));
        List<Role> roles = configured.roles().stream().map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT))).toList();
        return new User(id, email, passwords.encode(configured.password()), roles);
    }
}

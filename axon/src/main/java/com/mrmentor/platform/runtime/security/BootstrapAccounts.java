package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.command.identity.AccountDirectory;
import com.mrmentor.platform.command.identity.EmailIndex;
import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.RegisterAccount;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.VerificationMethod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates the accounts named in configuration (the first administrator, and on development machines a few more)
 * when the server starts, unless an account with that e-mail exists. They are ordinary event-sourced accounts,
 * registered with method BOOTSTRAP and already verified; the configured password is their initial password only
 * (a later change through the API is kept across restarts). Several nodes starting at once create each one once:
 * the e-mail directory refuses the second.
 */
@Component
class BootstrapAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

    private final SecurityProperties properties;
    private final AccountDirectory directory;
    private final EmailIndex emailIndex;
    private final PasswordEncoder passwords;
    private final CommandGateway commands;
    private final AccountReads accounts;

    BootstrapAccounts(SecurityProperties properties, AccountDirectory directory, EmailIndex emailIndex,
                      PasswordEncoder passwords, CommandGateway commands, AccountReads accounts) {
        this.accounts = accounts;
        this.properties = properties;
        this.directory = directory;
        this.emailIndex = emailIndex;
        this.passwords = passwords;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<SecurityProperties.BootstrapUser> configured = new ArrayList<>();
        if (properties.admin() != null) {
            configured.add(properties.admin());
        }
        configured.addAll(properties.users());
        configured.forEach(this::ensureAccount);
    }

    private void ensureAccount(SecurityProperties.BootstrapUser user) {
        if (user.email() == null || user.email().isBlank() || user.password() == null || user.password().isBlank()) {
            throw new IllegalStateException("A configured user needs an e-mail and a password "
                    + "(for the admin: ADMIN_EMAIL and ADMIN_PASSWORD)");
        }
        String email = EmailIndex.normalise(user.email());
        String index = emailIndex.of(email);
        if (directory.userIdFor(index).isPresent()) {
            return;
        }
        UUID userId = user.id() != null ? UUID.fromString(user.id())
                : UUID.nameUUIDFromBytes(("bootstrap-user:" + email).getBytes(StandardCharsets.UTF_8));
        Set<Role> roles = user.roles().stream().map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<Platform> platforms = user.platforms().isEmpty() ? EnumSet.allOf(Platform.class)
                : user.platforms().stream().map(p -> Platform.fromHeader(p).orElseThrow(
                        () -> new IllegalStateException("Unknown platform " + p + " for configured user " + email)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));
        String name = user.name() != null ? user.name() : email.substring(0, email.indexOf('@'));
        try {
            commands.sendAndWait(new RegisterAccount(userId, email, name, index, roles, platforms,
                    RegistrationMethod.BOOTSTRAP, passwords.encode(user.password()), VerificationMethod.BOOTSTRAP));
            log.info("Created configured account {} with roles {}", userId, roles);
        } catch (RuntimeException e) {
            if (directory.userIdFor(index).isPresent()) {
                return; // another node created it a moment ago
            }
            if (accounts.account(userId).isPresent()) {
                // its e-mail left the directory: the account was erased. It stays erased; configure another one.
                log.warn("Configured account {} was erased and is not re-created; configure another e-mail or id",
                        userId);
                return;
            }
            throw new IllegalStateException("Could not create the configured account " + userId, e);
        }
    }
}

package com.mrmentor.platform.runtime.mail;

import com.mrmentor.platform.command.identity.IdentityMail;
import com.mrmentor.platform.shared.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The identity context's e-mails, rendered from the templates in {@code classpath:mail/} and handed to the
 * {@link MailDispatcher}. Returns at once; never throws (see {@link IdentityMail}).
 */
public class TemplatedIdentityMail implements IdentityMail {

    static final String VERIFICATION_CODE = "verification-code";
    static final String SIGN_UP_ATTEMPT_NOTICE = "sign-up-attempt-notice";
    static final String PASSWORD_RESET_CODE = "password-reset-code";
    static final String PASSWORD_CHANGED = "password-changed";
    static final String INVITATION = "invitation";

    /** Every template this class renders, with the values it supplies ({@code email} is always the recipient). */
    public static final List<MailTemplates.Spec> TEMPLATES = List.of(
            new MailTemplates.Spec(VERIFICATION_CODE, Set.of("email", "name", "code", "validFor"),
                    Set.of("code", "validFor")),
            new MailTemplates.Spec(SIGN_UP_ATTEMPT_NOTICE, Set.of("email"), Set.of()),
            new MailTemplates.Spec(PASSWORD_RESET_CODE, Set.of("email", "code", "validFor"),
                    Set.of("code", "validFor")),
            new MailTemplates.Spec(PASSWORD_CHANGED, Set.of("email"), Set.of()),
            new MailTemplates.Spec(INVITATION, Set.of("email", "role", "token", "expiresAt"),
                    Set.of("role", "token", "expiresAt")));

    /** A display name is the user's own text: kept short in a mail that goes to an address they typed. */
    private static final int MAX_NAME_LENGTH = 60;
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(TemplatedIdentityMail.class);

    private final MailTemplates templates;
    private final MailDispatcher dispatcher;

    public TemplatedIdentityMail(MailTemplates templates, MailDispatcher dispatcher) {
        this.templates = templates;
        this.dispatcher = dispatcher;
    }

    @Override
    public void sendVerificationCode(String to, String name, String code, Duration validFor) {
        send(to, VERIFICATION_CODE, Map.of("email", to, "name", greetingName(name), "code", code,
                "validFor", describe(validFor)));
    }

    @Override
    public void sendSignUpAttemptNotice(String to) {
        send(to, SIGN_UP_ATTEMPT_NOTICE, Map.of("email", to));
    }

    @Override
    public void sendPasswordResetCode(String to, String code, Duration validFor) {
        send(to, PASSWORD_RESET_CODE, Map.of("email", to, "code", code, "validFor", describe(validFor)));
    }

    @Override
    public void sendPasswordChanged(String to) {
        send(to, PASSWORD_CHANGED, Map.of("email", to));
    }

    @Override
    public void sendInvitation(String to, Role role, String token, Instant expiresAt) {
        send(to, INVITATION, Map.of("email", to, "role", describe(role), "token", token,
                "expiresAt", EXPIRY.format(expiresAt)));
    }

    private void send(String to, String template, Map<String, String> values) {
        try {
            MailTemplates.Rendered mail = templates.render(template, values);
            dispatcher.send(new OutgoingMail(to, mail.subject(), mail.body()));
        } catch (RuntimeException e) {
            log.error("Could not prepare the {} mail to {}", template, OutgoingMail.mask(to), e);
        }
    }

    static String greetingName(String name) {
        if (name == null || name.isBlank()) {
            return "there";
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) <= MAX_NAME_LENGTH) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_NAME_LENGTH)) + "…";
    }

    /** {@code MENTOR} as "Mentor", {@code SALES_HEAD} as "Sales head". */
    static String describe(Role role) {
        String words = role.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A validity as people say it: "15 minutes", "1 hour", "2 days", "90 seconds". */
    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

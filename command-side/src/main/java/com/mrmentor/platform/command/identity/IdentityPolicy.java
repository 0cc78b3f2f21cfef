package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.CodePurpose;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The identity context's numbers.
 *
 * @param verificationCodeTtl how long a sign-up code is valid
 * @param resetCodeTtl        how long a password-reset code is valid
 * @param maxCodeAttempts     wrong tries before a code is used up
 * @param codeResendInterval  at most one new code per purpose in this interval
 * @param refreshTokenTtl     lifetime of each refresh token (a rotation starts a new one)
 * @param maxSessionLifetime  no rotation extends a session beyond this from its sign-in
 * @param invitationTtl       how long an invitation may be accepted
 * @param minPasswordLength   shortest acceptable password
 */
@ConfigurationProperties("platform.identity")
public record IdentityPolicy(@DefaultValue("PT10M") Duration verificationCodeTtl,
                             @DefaultValue("PT15M") Duration resetCodeTtl,
                             @DefaultValue("5") int maxCodeAttempts,
                             @DefaultValue("PT1M") Duration codeResendInterval,
                             @DefaultValue("P30D") Duration refreshTokenTtl,
                             @DefaultValue("P90D") Duration maxSessionLifetime,
                             @DefaultValue("P7D") Duration invitationTtl,
                             @DefaultValue("10") int minPasswordLength) {

    /** The defaults, for tests. */
    public static IdentityPolicy defaults() {
        return new IdentityPolicy(Duration.ofMinutes(10), Duration.ofMinutes(15), 5, Duration.ofMinutes(1),
                Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(7), 10);
    }

    /** How long a code for {@code purpose} is valid. */
    public Duration codeTtl(CodePurpose purpose) {
        return switch (purpose) {
            case EMAIL_VERIFICATION -> verificationCodeTtl;
            case PASSWORD_RESET -> resetCodeTtl;
        };
    }
}

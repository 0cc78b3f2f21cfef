package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.Role;

import java.time.Duration;
import java.time.Instant;

/**
 * The e-mails the identity context sends. Codes and tokens exist in plain text only on their way into these calls;
 * the stores keep hashes. Implementations send in the background and must not throw for delivery failures (the user
 * can ask again); they must never be called on replay.
 */
public interface IdentityMail {

    /** The 6-digit code that proves the address at sign-up. */
    void sendVerificationCode(String to, String name, String code, Duration validFor);

    /** Someone tried to sign up with an address that already has an account; tells its owner, reveals nothing. */
    void sendSignUpAttemptNotice(String to);

    /** The 6-digit code that allows a new password. */
    void sendPasswordResetCode(String to, String code, Duration validFor);

    /** Confirms that the password changed, so that an owner who did not change it can react. */
    void sendPasswordChanged(String to);

    /** An invitation to join with {@code role}; {@code token} is presented when accepting. */
    void sendInvitation(String to, Role role, String token, Instant expiresAt);
}

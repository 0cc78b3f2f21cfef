package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The identity context's rule violations, one factory per stable problem type. */
final class IdentityRules {

    private IdentityRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    /** A command built by the platform itself lacks a field; clients never see this unless something is broken. */
    static RuleViolation missingDetail(String what) {
        return new RuleViolation("missing-" + what + "-detail", Kind.UNPROCESSABLE,
                "The " + what + " command lacks a required detail");
    }

    static RuleViolation accountNotFound() {
        return new RuleViolation("account-not-found", Kind.NOT_FOUND, "No such account");
    }

    static RuleViolation emailTaken() {
        return new RuleViolation("email-already-registered", Kind.CONFLICT,
                "An account with this e-mail exists already");
    }

    static RuleViolation alreadyVerified() {
        return new RuleViolation("already-verified", Kind.CONFLICT, "The e-mail address is verified already");
    }

    static RuleViolation emailNotVerified() {
        return new RuleViolation("email-not-verified", Kind.FORBIDDEN,
                "The e-mail address is not verified yet; enter the code we sent");
    }

    static RuleViolation accountDeactivated() {
        return new RuleViolation("account-deactivated", Kind.FORBIDDEN, "This account is deactivated");
    }

    static RuleViolation accountErased() {
        return new RuleViolation("account-erased", Kind.CONFLICT, "This account was erased and is closed");
    }

    static RuleViolation resendTooSoon(long seconds) {
        return new RuleViolation("code-resend-too-soon", Kind.TOO_MANY_REQUESTS,
                "A code was sent less than a minute ago; try again in " + seconds + " s");
    }

    static RuleViolation resetUnavailable() {
        return new RuleViolation("password-reset-unavailable", Kind.CONFLICT,
                "This account cannot reset its password");
    }

    static RuleViolation wrongPassword() {
        return new RuleViolation("wrong-password", Kind.FORBIDDEN, "The current password is wrong");
    }

    static RuleViolation noPassword() {
        return new RuleViolation("no-password-set", Kind.CONFLICT,
                "This account signs in with Google and has no password; use password reset to set one");
    }

    static RuleViolation breakGlassNotAllowed() {
        return new RuleViolation("break-glass-not-allowed", Kind.FORBIDDEN,
                "Emergency access is for administrators with an enrolled authenticator");
    }

    static RuleViolation platformNotAllowed(Object platform) {
        return new RuleViolation("platform-not-allowed", Kind.FORBIDDEN,
                "This account does not belong to platform " + platform);
    }

    static RuleViolation noPendingEnrolment() {
        return new RuleViolation("no-pending-enrolment", Kind.CONFLICT,
                "No authenticator enrolment is waiting for confirmation (or another one was started meanwhile)");
    }

    static RuleViolation googleLinkNotTrusted() {
        return new RuleViolation("google-link-not-trusted", Kind.FORBIDDEN, "Google does not vouch for this address "
                + "strongly enough to sign in to the existing account; sign in with its password");
    }

    static RuleViolation googleAccountMismatch() {
        return new RuleViolation("google-account-mismatch", Kind.FORBIDDEN,
                "This account is linked to a different Google account");
    }

    static RuleViolation totpAdminsOnly() {
        return new RuleViolation("totp-admins-only", Kind.FORBIDDEN,
                "Authenticator enrolment is for administrators");
    }

    static RuleViolation cannotChangeOwnAccess(String what) {
        return new RuleViolation("cannot-change-own-access", Kind.FORBIDDEN,
                "An administrator cannot " + what + " their own account; ask another administrator");
    }

    static RuleViolation notDeactivated() {
        return new RuleViolation("account-not-deactivated", Kind.CONFLICT, "The account is not deactivated");
    }

    static RuleViolation alreadyDeactivated() {
        return new RuleViolation("account-already-deactivated", Kind.CONFLICT, "The account is deactivated already");
    }

    static RuleViolation invitationNotOpen(Object status) {
        return new RuleViolation("invitation-not-open", Kind.CONFLICT,
                "The invitation cannot be used; it is " + status);
    }

    static RuleViolation invitationExpired() {
        return new RuleViolation("invitation-expired", Kind.CONFLICT, "The invitation has expired");
    }

    static RuleViolation invitationEmailMismatch() {
        return new RuleViolation("invitation-email-mismatch", Kind.FORBIDDEN,
                "The invitation was sent to a different e-mail address");
    }

    static RuleViolation invalidRefreshToken() {
        return new RuleViolation("invalid-refresh-token", Kind.UNAUTHENTICATED,
                "The refresh token is not valid; sign in again");
    }
}

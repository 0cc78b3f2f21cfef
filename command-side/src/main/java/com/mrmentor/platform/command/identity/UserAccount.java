package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.AccountDeactivated;
import com.mrmentor.platform.shared.identity.AccountPlatformsChanged;
import com.mrmentor.platform.shared.identity.AccountReactivated;
import com.mrmentor.platform.shared.identity.AccountRegistered;
import com.mrmentor.platform.shared.identity.AccountRolesChanged;
import com.mrmentor.platform.shared.identity.AccountStage;
import com.mrmentor.platform.shared.identity.AccountStatus;
import com.mrmentor.platform.shared.identity.AuthorizeSignIn;
import com.mrmentor.platform.shared.identity.BreakGlassSignInUsed;
import com.mrmentor.platform.shared.identity.ChangeAccountPlatforms;
import com.mrmentor.platform.shared.identity.ChangeAccountRoles;
import com.mrmentor.platform.shared.identity.ChangePassword;
import com.mrmentor.platform.shared.identity.CodeOutcome;
import com.mrmentor.platform.shared.identity.CodePurpose;
import com.mrmentor.platform.shared.identity.CompleteProfile;
import com.mrmentor.platform.shared.identity.DeactivateAccount;
import com.mrmentor.platform.shared.identity.EmailVerified;
import com.mrmentor.platform.shared.identity.EnrolTotp;
import com.mrmentor.platform.shared.identity.ErasePersonalData;
import com.mrmentor.platform.shared.identity.GoogleIdentityLinked;
import com.mrmentor.platform.shared.identity.GrantRole;
import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.IssueVerificationCode;
import com.mrmentor.platform.shared.identity.LinkGoogleIdentity;
import com.mrmentor.platform.shared.identity.PasswordChangeMethod;
import com.mrmentor.platform.shared.identity.PasswordChanged;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import com.mrmentor.platform.shared.identity.ProfileCompleted;
import com.mrmentor.platform.shared.identity.ReactivateAccount;
import com.mrmentor.platform.shared.identity.RegisterAccount;
import com.mrmentor.platform.shared.identity.ResetPassword;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.SignInMethod;
import com.mrmentor.platform.shared.identity.TotpEnrolled;
import com.mrmentor.platform.shared.identity.VerificationCodeFailed;
import com.mrmentor.platform.shared.identity.VerificationCodeIssued;
import com.mrmentor.platform.shared.identity.VerificationMethod;
import com.mrmentor.platform.shared.identity.VerifyEmail;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One person's account: how it was registered, whether its e-mail is proven, its stage, roles, platforms and status,
 * and its outstanding one-time codes. It holds no personal data in its state (e-mail and name live, encrypted, in its
 * events, and in the scrubbable read model), so nothing personal survives in memory or snapshots after erasure.
 *
 * <p>Invariants: the stage only moves forward; only verified, active accounts sign in; a code is valid for its
 * purpose's lifetime and a limited number of wrong tries, and a new one is sent at most once a minute; an
 * administrator cannot lock themselves out; an erased account is closed for good.
 */
@Aggregate
public class UserAccount {

    @AggregateIdentifier
    private String accountId;
    private UUID userId;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Set<Platform> platforms = EnumSet.noneOf(Platform.class);
    private AccountStage stage;
    private AccountStatus status;
    private boolean hasPassword;
    private boolean googleLinked;
    /** The linked Google account's subject (decrypted when the account is loaded; never snapshotted). */
    private String googleSubject;
    private boolean totpEnrolled;
    private final Map<CodePurpose, OutstandingCode> codes = new EnumMap<>(CodePurpose.class);

    /** For Axon, which rebuilds the account from its events. */
    protected UserAccount() {
    }

    // ---- registration and verification -----------------------------------------------------------------------

    /** Also called directly by {@link InvitationAcceptance}, which creates the account with the invitation. */
    @CommandHandler
    public UserAccount(RegisterAccount command, Credentials credentials, Clock clock) {
        require(command.userId() != null, "userId");
        require(!isBlank(command.email()), "email");
        require(!isBlank(command.name()), "name");
        require(!isBlank(command.emailIndex()), "emailIndex");
        require(command.roles() != null && !command.roles().isEmpty(), "role");
        require(command.platforms() != null && !command.platforms().isEmpty(), "platform");
        require(command.method() != null, "method");
        Instant now = clock.instant();
        apply(new AccountRegistered(command.userId(), EmailIndex.normalise(command.email()), command.name().trim(),
                command.emailIndex(), Set.copyOf(command.roles()), Set.copyOf(command.platforms()),
                command.method(), command.passwordHash() != null, now));
        if (command.passwordHash() != null) {
            credentials.setPassword(command.userId(), command.passwordHash());
        }
        if (command.verifiedBy() != null) {
            apply(new EmailVerified(command.userId(), command.verifiedBy(), now));
        }
    }

    @CommandHandler
    public void handle(IssueVerificationCode command, OneTimeCodes oneTimeCodes, IdentityPolicy policy, Clock clock) {
        requireNotErased();
        require(command.purpose() != null, "purpose");
        require(!isBlank(command.codeHash()), "codeHash");
        if (command.purpose() == CodePurpose.EMAIL_VERIFICATION && stage != AccountStage.SIGNUP) {
            throw IdentityRules.alreadyVerified();
        }
        if (command.purpose() == CodePurpose.PASSWORD_RESET
                && (status != AccountStatus.ACTIVE || stage == AccountStage.SIGNUP)) {
            throw IdentityRules.resetUnavailable();
        }
        Instant now = clock.instant();
        OutstandingCode previous = codes.get(command.purpose());
        if (previous != null) {
            Instant nextAllowed = previous.issuedAt.plus(policy.codeResendInterval());
            if (now.isBefore(nextAllowed)) {
                throw IdentityRules.resendTooSoon(Math.max(1, Duration.between(now, nextAllowed).toSeconds()));
            }
        }
        oneTimeCodes.store(userId, command.purpose(), command.codeHash());
        apply(new VerificationCodeIssued(userId, command.purpose(), now, now.plus(policy.codeTtl(command.purpose()))));
    }

    @CommandHandler
    public CodeOutcome handle(VerifyEmail command, OneTimeCodes oneTimeCodes, IdentityPolicy policy, Clock clock) {
        requireNotErased();
        if (stage != AccountStage.SIGNUP) {
            throw IdentityRules.alreadyVerified();
        }
        CodeOutcome outcome = check(CodePurpose.EMAIL_VERIFICATION, command.code(), oneTimeCodes, policy, clock);
        if (outcome == CodeOutcome.ACCEPTED) {
            oneTimeCodes.discard(userId, CodePurpose.EMAIL_VERIFICATION);
            apply(new EmailVerified(userId, VerificationMethod.CODE, clock.instant()));
        }
        return outcome;
    }

    @CommandHandler
    public void handle(CompleteProfile command, Clock clock) {
        requireUsable();
        if (stage == AccountStage.SIGNUP) {
            throw IdentityRules.emailNotVerified();
        }
        require(!isBlank(command.name()), "name");
        require(!isBlank(command.phone()), "phone");
        require(!isBlank(command.profession()), "profession");
        require(!isBlank(command.domain()), "domain");
        apply(new ProfileCompleted(userId, command.name().trim(), trimToNull(command.phone()),
                trimToNull(command.profession()), trimToNull(command.domain()), trimToNull(command.photoUrl()),
                clock.instant()));
    }

    /**
     * Links Google. An account still waiting for its e-mail to be proven may have been signed up by someone else
     * who typed the owner's address: its password is dropped when Google proves the address, so that only the owner
     * can get in (they can set a password by reset).
     */
    @CommandHandler
    public void handle(LinkGoogleIdentity command, Credentials credentials, Clock clock) {
        requireUsable();
        require(!isBlank(command.googleSubject()), "googleSubject");
        Instant now = clock.instant();
        if (googleLinked && googleSubject != null && !googleSubject.equals(command.googleSubject())) {
            // another Google account now claims this address (e.g. a reassigned workspace address): not the owner
            throw IdentityRules.googleAccountMismatch();
        }
        if (!googleLinked && !command.googleOwnsAddress()) {
            throw IdentityRules.googleLinkNotTrusted();
        }
        boolean dropPassword = stage == AccountStage.SIGNUP && hasPassword;
        if (dropPassword) {
            credentials.setPassword(userId, null);
        }
        if (!googleLinked || dropPassword) {
            apply(new GoogleIdentityLinked(userId, command.googleSubject(), dropPassword, now));
        }
        if (stage == AccountStage.SIGNUP) {
            // Google vouches for the address: the same proof the e-mailed code gives
            apply(new EmailVerified(userId, VerificationMethod.GOOGLE, now));
        }
    }

    // ---- passwords ------------------------------------------------------------------------------------------

    @CommandHandler
    public CodeOutcome handle(ResetPassword command, OneTimeCodes oneTimeCodes, Credentials credentials,
                              IdentityPolicy policy, Clock clock) {
        requireUsable();
        require(!isBlank(command.newPasswordHash()), "newPasswordHash");
        CodeOutcome outcome = check(CodePurpose.PASSWORD_RESET, command.code(), oneTimeCodes, policy, clock);
        if (outcome == CodeOutcome.ACCEPTED) {
            oneTimeCodes.discard(userId, CodePurpose.PASSWORD_RESET);
            credentials.setPassword(userId, command.newPasswordHash());
            apply(new PasswordChanged(userId, PasswordChangeMethod.RESET, null, clock.instant()));
        }
        return outcome;
    }

    @CommandHandler
    public void handle(ChangePassword command, Credentials credentials, Clock clock) {
        requireUsable();
        require(!isBlank(command.newPasswordHash()), "newPasswordHash");
        if (!hasPassword) {
            throw IdentityRules.noPassword();
        }
        if (command.currentPassword() == null || !credentials.passwordMatches(userId, command.currentPassword())) {
            throw IdentityRules.wrongPassword();
        }
        credentials.setPassword(userId, command.newPasswordHash());
        apply(new PasswordChanged(userId, PasswordChangeMethod.CHANGE, command.sessionId(), clock.instant()));
    }

    // ---- sign-in --------------------------------------------------------------------------------------------

    @CommandHandler
    public Platform handle(AuthorizeSignIn command, Clock clock) {
        requireUsable();
        if (stage == AccountStage.SIGNUP) {
            throw IdentityRules.emailNotVerified();
        }
        Platform platform;
        if (command.platform() != null && platforms.contains(command.platform())) {
            platform = command.platform();
        } else if (command.platformRequested()) {
            throw IdentityRules.platformNotAllowed(command.platform());
        } else {
            platform = platforms.stream().min(Comparator.naturalOrder()).orElseThrow();
        }
        if (command.method() == SignInMethod.BREAK_GLASS) {
            if (!roles.contains(Role.ADMIN) || !totpEnrolled) {
                throw IdentityRules.breakGlassNotAllowed();
            }
            apply(new BreakGlassSignInUsed(userId, command.sessionId(), clock.instant()));
        }
        return platform;
    }

    /**
     * Makes the pending secret (whose code the caller just proved) the active one, in the event's transaction: an
     * enrolment started meanwhile cannot slip a different secret in unrecorded.
     */
    @CommandHandler
    public void handle(EnrolTotp command, Credentials credentials, Clock clock) {
        requireUsable();
        if (!roles.contains(Role.ADMIN)) {
            throw IdentityRules.totpAdminsOnly();
        }
        if (command.confirmedSecret() == null || !command.confirmedSecret().equals(credentials.pendingTotpSecret(userId))
                || !credentials.activatePendingTotpSecret(userId)) {
            throw IdentityRules.noPendingEnrolment();
        }
        apply(new TotpEnrolled(userId, clock.instant()));
    }

    // ---- administration -------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(ChangeAccountRoles command) {
        requireNotErased();
        require(command.roles() != null && !command.roles().isEmpty(), "role");
        require(!isBlank(command.reason()), "reason");
        if (userId.equals(command.changedBy()) && !command.roles().contains(Role.ADMIN)) {
            throw IdentityRules.cannotChangeOwnAccess("remove the administrator role from");
        }
        Set<Role> next = EnumSet.copyOf(command.roles());
        if (!next.equals(roles)) {
            apply(new AccountRolesChanged(userId, next, EnumSet.copyOf(roles), command.reason().trim()));
        }
    }

    @CommandHandler
    public void handle(GrantRole command) {
        requireUsable();
        require(command.role() != null, "role");
        require(!isBlank(command.reason()), "reason");
        if (!roles.contains(command.role())) {
            Set<Role> next = EnumSet.copyOf(roles);
            next.add(command.role());
            apply(new AccountRolesChanged(userId, next, EnumSet.copyOf(roles), command.reason().trim()));
        }
    }

    @CommandHandler
    public void handle(ChangeAccountPlatforms command) {
        requireNotErased();
        require(command.platforms() != null && !command.platforms().isEmpty(), "platform");
        require(!isBlank(command.reason()), "reason");
        Set<Platform> next = EnumSet.copyOf(command.platforms());
        if (!next.equals(platforms)) {
            apply(new AccountPlatformsChanged(userId, next, EnumSet.copyOf(platforms), command.reason().trim()));
        }
    }

    @CommandHandler
    public void handle(DeactivateAccount command) {
        requireNotErased();
        require(!isBlank(command.reason()), "reason");
        if (userId.equals(command.deactivatedBy())) {
            throw IdentityRules.cannotChangeOwnAccess("deactivate");
        }
        if (status == AccountStatus.DEACTIVATED) {
            throw IdentityRules.alreadyDeactivated();
        }
        apply(new AccountDeactivated(userId, command.reason().trim()));
    }

    @CommandHandler
    public void handle(ReactivateAccount command) {
        requireNotErased();
        require(!isBlank(command.reason()), "reason");
        if (status != AccountStatus.DEACTIVATED) {
            throw IdentityRules.notDeactivated();
        }
        apply(new AccountReactivated(userId, command.reason().trim()));
    }

    /**
     * Destroys the person's key, credentials and codes in the same transaction as the event: if the event is not
     * stored, nothing is destroyed, and if it is, nothing personal stays readable.
     */
    @CommandHandler
    public void handle(ErasePersonalData command, PersonalDataKeys keys, Credentials credentials,
                       OneTimeCodes oneTimeCodes, Clock clock) {
        requireNotErased();
        require(!isBlank(command.reason()), "reason");
        keys.erase(userId);
        credentials.forget(userId);
        oneTimeCodes.forget(userId);
        apply(new PersonalDataErased(userId, command.reason().trim(), clock.instant()));
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    /**
     * Checks {@code code} against the outstanding one for {@code purpose}. A wrong code is recorded (and counts
     * towards the limit) without throwing, so that the record is kept.
     */
    private CodeOutcome check(CodePurpose purpose, String code, OneTimeCodes oneTimeCodes, IdentityPolicy policy,
                              Clock clock) {
        OutstandingCode outstanding = codes.get(purpose);
        if (outstanding == null) {
            return CodeOutcome.NONE;
        }
        if (outstanding.exhausted) {
            return CodeOutcome.EXHAUSTED;
        }
        if (!clock.instant().isBefore(outstanding.expiresAt)) {
            return CodeOutcome.EXPIRED;
        }
        if (code != null && oneTimeCodes.matches(userId, purpose, code)) {
            return CodeOutcome.ACCEPTED;
        }
        int failures = outstanding.failures + 1;
        boolean exhausted = failures >= policy.maxCodeAttempts();
        apply(new VerificationCodeFailed(userId, purpose, failures, exhausted));
        if (exhausted) {
            oneTimeCodes.discard(userId, purpose);
        }
        return exhausted ? CodeOutcome.EXHAUSTED : CodeOutcome.WRONG;
    }

    private void requireNotErased() {
        if (status == AccountStatus.ERASED) {
            throw IdentityRules.accountErased();
        }
    }

    private void requireUsable() {
        requireNotErased();
        if (status == AccountStatus.DEACTIVATED) {
            throw IdentityRules.accountDeactivated();
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw IdentityRules.missing(what);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }

    // ---- state ----------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = IdentityIds.account(event.userId());
        userId = event.userId();
        roles = EnumSet.copyOf(event.roles());
        platforms = EnumSet.copyOf(event.platforms());
        stage = AccountStage.SIGNUP;
        status = AccountStatus.ACTIVE;
        hasPassword = event.hasPassword();
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        if (stage == AccountStage.SIGNUP) {
            stage = AccountStage.VERIFIED;
        }
        codes.remove(CodePurpose.EMAIL_VERIFICATION);
    }

    @EventSourcingHandler
    void on(VerificationCodeIssued event) {
        codes.put(event.purpose(), new OutstandingCode(event.issuedAt(), event.expiresAt(), 0, false));
    }

    @EventSourcingHandler
    void on(VerificationCodeFailed event) {
        OutstandingCode code = codes.get(event.purpose());
        if (code != null) {
            codes.put(event.purpose(), new OutstandingCode(code.issuedAt, code.expiresAt, event.failedAttempts(),
                    event.exhausted()));
        }
    }

    @EventSourcingHandler
    void on(ProfileCompleted event) {
        stage = AccountStage.PROFILE_COMPLETE;
    }

    @EventSourcingHandler
    void on(PasswordChanged event) {
        hasPassword = true;
        if (event.method() == PasswordChangeMethod.RESET) {
            codes.remove(CodePurpose.PASSWORD_RESET);
        }
    }

    @EventSourcingHandler
    void on(GoogleIdentityLinked event) {
        googleLinked = true;
        googleSubject = event.googleSubject();
        if (event.unprovenPasswordRemoved()) {
            hasPassword = false;
        }
    }

    @EventSourcingHandler
    void on(TotpEnrolled event) {
        totpEnrolled = true;
    }

    @EventSourcingHandler
    void on(AccountRolesChanged event) {
        roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(AccountPlatformsChanged event) {
        platforms = EnumSet.copyOf(event.platforms());
    }

    @EventSourcingHandler
    void on(AccountDeactivated event) {
        status = AccountStatus.DEACTIVATED;
    }

    @EventSourcingHandler
    void on(AccountReactivated event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        status = AccountStatus.ERASED;
        hasPassword = false;
        codes.clear();
    }

    /** A code that was e-mailed and not used up yet. */
    private record OutstandingCode(Instant issuedAt, Instant expiresAt, int failures, boolean exhausted) {
    }
}

package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RateLimits;
import com.mrmentor.platform.command.common.RequestPlatform;
import com.mrmentor.platform.command.common.SignedInCaller;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.identity.AuthorizeSignIn;
import com.mrmentor.platform.shared.identity.ChangePassword;
import com.mrmentor.platform.shared.identity.CodeOutcome;
import com.mrmentor.platform.shared.identity.CodePurpose;
import com.mrmentor.platform.shared.identity.CompleteProfile;
import com.mrmentor.platform.shared.identity.EnrolTotp;
import com.mrmentor.platform.shared.identity.IssueVerificationCode;
import com.mrmentor.platform.shared.identity.LinkGoogleIdentity;
import com.mrmentor.platform.shared.identity.RegisterAccount;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.ResetPassword;
import com.mrmentor.platform.shared.identity.RevokeSession;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.RotateRefreshToken;
import com.mrmentor.platform.shared.identity.RotationOutcome;
import com.mrmentor.platform.shared.identity.SessionRevocationReason;
import com.mrmentor.platform.shared.identity.SignInMethod;
import com.mrmentor.platform.shared.identity.StartSession;
import com.mrmentor.platform.shared.identity.VerificationMethod;
import com.mrmentor.platform.shared.identity.VerifyEmail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sign-up, verification, sign-in (password, Google, break-glass), refresh, sign-out, profile and passwords. Identity
 * always comes from the verified access token or from proven secrets (password, code, refresh token), never from
 * a body field naming a user. Answers that could reveal whether an e-mail has an account are the same either way.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
public class AuthController {

    static final String SIGN_UP_ACCEPTED = "If the address can be registered, a 6-digit code is on its way to it";
    static final String RESET_ACCEPTED = "If the address belongs to an account, a 6-digit code is on its way to it";

    private final CommandSender commands;
    private final AccountDirectory directory;
    private final EmailIndex emailIndex;
    private final PasswordEncoder hashes;
    private final PasswordPolicy passwordPolicy;
    private final Credentials credentials;
    private final OpaqueTokens opaqueTokens;
    private final AccessTokens accessTokens;
    private final SessionRevoker sessionRevoker;
    private final SignInThrottle throttle;
    private final RateLimits rateLimits;
    private final AbuseLimits limits;
    private final IdentityMail mail;
    private final IdentityPolicy policy;
    private final GoogleIdTokens google;
    private final Clock clock;

    public AuthController(CommandSender commands, AccountDirectory directory, EmailIndex emailIndex,
                          PasswordEncoder hashes, PasswordPolicy passwordPolicy, Credentials credentials,
                          OpaqueTokens opaqueTokens, AccessTokens accessTokens, SessionRevoker sessionRevoker,
                          SignInThrottle throttle, RateLimits rateLimits, AbuseLimits limits, IdentityMail mail,
                          IdentityPolicy policy, GoogleIdTokens google, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.emailIndex = emailIndex;
        this.hashes = hashes;
        this.passwordPolicy = passwordPolicy;
        this.credentials = credentials;
        this.opaqueTokens = opaqueTokens;
        this.accessTokens = accessTokens;
        this.sessionRevoker = sessionRevoker;
        this.throttle = throttle;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.mail = mail;
        this.policy = policy;
        this.google = google;
        this.clock = clock;
    }

    // ---- sign-up and verification ---------------------------------------------------------------------------

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sign up (anyone): a STUDENT account in stage SIGNUP; a 6-digit code is e-mailed. "
            + "An address that already has an account gets the same answer (its owner is notified by e-mail)")
    public Accepted signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        limit("sign-up", http.getRemoteAddr(), limits.signUpsPerIp(), "too-many-sign-ups");
        passwordPolicy.check(request.password(), request.email(), "password");
        String email = EmailIndex.normalise(request.email());
        String index = emailIndex.of(email);
        // hashed before the lookup, so that both answers take the same time
        String passwordHash = hashes.encode(request.password());
        // starts the address's one-a-minute resend window whether or not it has an account (see resend)
        rateLimits.tryAcquire("code-resend-email", index, 1, policy.codeResendInterval());
        if (directory.userIdFor(index).isPresent()) {
            spendCodeHashingTime();
            mail.sendSignUpAttemptNotice(email);
            return new Accepted(SIGN_UP_ACCEPTED);
        }
        UUID userId = UUID.randomUUID();
        try {
            commands.send(new RegisterAccount(userId, email, request.name(), index, Set.of(Role.STUDENT),
                    Set.of(RequestPlatform.of(http)), RegistrationMethod.SIGNUP, passwordHash, null));
        } catch (RuleViolation violation) {
            if (!"email-already-registered".equals(violation.code())) {
                throw violation;
            }
            mail.sendSignUpAttemptNotice(email); // lost a race with another sign-up for the same address
            return new Accepted(SIGN_UP_ACCEPTED);
        }
        issueCode(userId, CodePurpose.EMAIL_VERIFICATION, code ->
                mail.sendVerificationCode(email, request.name().trim(), code, policy.verificationCodeTtl()));
        return new Accepted(SIGN_UP_ACCEPTED);
    }

    @PostMapping("/verify/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a new sign-up code (anyone); at most one a minute per account")
    public Accepted resendVerification(@Valid @RequestBody EmailRequest request, HttpServletRequest http) {
        limit("code-resend", http.getRemoteAddr(), limits.resendsPerIp(), "too-many-code-requests");
        String email = EmailIndex.normalise(request.email());
        // one a minute per address, known or not, so that a 429 does not reveal an unverified account
        rateLimits.tryAcquire("code-resend-email", emailIndex.of(email), 1, policy.codeResendInterval())
                .ifPresent(wait -> {
                    throw new RateLimits.LimitReached("code-resend-too-soon",
                            "A code was asked for this address less than a minute ago", wait);
                });
        directory.userIdFor(emailIndex.of(email)).ifPresentOrElse(userId -> {
            try {
                issueCode(userId, CodePurpose.EMAIL_VERIFICATION,
                        code -> mail.sendVerificationCode(email, null, code, policy.verificationCodeTtl()));
            } catch (RuleViolation silent) {
                // verified already, or a code went out a moment ago through sign-up: the answer must not differ
            }
        }, this::spendCodeHashingTime);
        return new Accepted(SIGN_UP_ACCEPTED);
    }

    @PostMapping("/verify")
    @Operation(summary = "Prove the e-mail with the sign-up code (anyone): the account becomes VERIFIED. "
            + "Codes are valid 10 minutes and allow 5 wrong tries")
    public Verified verify(@Valid @RequestBody VerifyRequest request, HttpServletRequest http) {
        limit("code-attempt", http.getRemoteAddr(), limits.codeAttemptsPerIp(), "too-many-code-attempts");
        Optional<UUID> account = directory.userIdFor(emailIndex.of(request.email()));
        if (account.isEmpty()) {
            spendCodeHashingTime();
            throw invalidCode();
        }
        CodeOutcome outcome;
        try {
            outcome = commands.send(new VerifyEmail(account.get(), request.code()));
        } catch (RuleViolation violation) {
            // verified already, deactivated, erased: the same answer as an unknown address
            throw invalidCode();
        }
        requireAccepted(outcome);
        return new Verified(account.get(), "VERIFIED");
    }

    // ---- sign-in, refresh, sign-out -------------------------------------------------------------------------

    @PostMapping("/login")
    @Operation(summary = "Sign in with e-mail and password (anyone): a 15-minute access token and a 30-day "
            + "refresh token. Wrong e-mail or password is a 401 that does not say which; unverified accounts get "
            + "403 email-not-verified; after 5 failures in 15 minutes for an account or from an address: 429")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        UUID userId = checkPassword(request.email(), request.password(), http.getRemoteAddr());
        return openSession(userId, SignInMethod.PASSWORD, http);
    }

    @PostMapping("/break-glass")
    @Operation(summary = "Emergency sign-in for administrators (anyone may try): password plus the current "
            + "code of the enrolled authenticator app. Every use is recorded for auditors")
    public TokenResponse breakGlass(@Valid @RequestBody BreakGlassRequest request, HttpServletRequest http) {
        SignInThrottle.Attempt attempt = throttle.begin(request.email(), http.getRemoteAddr());
        UUID userId = checkPasswordOnly(attempt, request.email(), request.password());
        String secret = credentials.totpSecret(userId);
        long lastStep = credentials.lastTotpStep(userId).orElse(-1);
        OptionalLong step = secret == null ? OptionalLong.empty()
                : Totp.verify(secret, request.totpCode(), clock.instant(), lastStep);
        if (step.isEmpty() || !credentials.useTotpStep(userId, step.getAsLong())) {
            throw new InvalidCredentials(); // the attempt stays counted: TOTP guesses are limited like passwords
        }
        throttle.succeeded(attempt);
        return openSession(userId, SignInMethod.BREAK_GLASS, http);
    }

    @PostMapping("/google")
    @Operation(summary = "Sign in with a Google ID token (anyone). A new e-mail creates a verified STUDENT account; "
            + "an existing account with the same verified e-mail is linked, not duplicated")
    public TokenResponse google(@Valid @RequestBody GoogleRequest request, HttpServletRequest http) {
        GoogleIdTokens.GoogleIdentity identity;
        try {
            identity = google.verify(request.idToken());
        } catch (GoogleIdTokens.InvalidIdToken invalid) {
            throw new RuleViolation("invalid-id-token", Kind.UNAUTHENTICATED,
                    "The Google ID token was refused: " + invalid.getMessage());
        }
        if (!identity.emailVerified()) {
            throw new RuleViolation("google-email-not-verified", Kind.UNAUTHENTICATED,
                    "Google has not verified this account's e-mail address");
        }
        String email = EmailIndex.normalise(identity.email());
        String index = emailIndex.of(email);
        AtomicBoolean userIdCreated = new AtomicBoolean();
        UUID userId = directory.userIdFor(index).orElseGet(() -> {
            UUID created = UUID.randomUUID();
            String name = identity.name() == null || identity.name().isBlank()
                    ? email.substring(0, email.indexOf('@')) : identity.name().strip();
            name = name.length() > 200 ? name.substring(0, 200) : name;
            try {
                commands.send(new RegisterAccount(created, email, name, index, Set.of(Role.STUDENT),
                        Set.of(RequestPlatform.of(http)), RegistrationMethod.GOOGLE, null, VerificationMethod.GOOGLE));
                userIdCreated.set(true);
                return created;
            } catch (RuleViolation violation) {
                if ("email-already-registered".equals(violation.code())) {
                    return directory.userIdFor(index).orElseThrow(() -> violation);
                }
                throw violation;
            }
        });
        boolean created = userIdCreated.get();
        // an account this Google sign-in just created is Google's own; an older one needs Google to own the address
        commands.send(new LinkGoogleIdentity(userId, identity.subject(), created || identity.googleOwnsAddress()));
        return openSession(userId, SignInMethod.GOOGLE, http);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new access and refresh token (anyone holding one). "
            + "The presented token stops working; presenting it again revokes the whole session")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        OpaqueTokens.Holder holder = opaqueTokens.find(Secrets.sha256(request.refreshToken()), OpaqueTokens.Kind.REFRESH)
                .orElseThrow(() -> IdentityRules.invalidRefreshToken());
        String next = Secrets.newOpaqueToken();
        RotationOutcome outcome = commands.send(new RotateRefreshToken(holder.subjectId(), holder.generation(),
                Secrets.sha256(next)));
        switch (outcome.result()) {
            case ROTATED -> {
                AccessTokens.IssuedAccessToken access = accessTokens.issue(outcome.userId(), holder.subjectId());
                return new TokenResponse(access.token(), next, "Bearer", access.expiresInSeconds(),
                        Duration.between(clock.instant(), outcome.expiresAt()).toSeconds());
            }
            case REUSED -> throw new RuleViolation("refresh-token-reused", Kind.UNAUTHENTICATED,
                    "This refresh token was already used; the session is revoked for safety. Sign in again");
            case EXPIRED -> throw new RuleViolation("refresh-token-expired", Kind.UNAUTHENTICATED,
                    "The refresh token has expired; sign in again");
            default -> throw IdentityRules.invalidRefreshToken();
        }
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out (signed in): revokes this session; its access and refresh tokens stop working")
    public void logout(Authentication authentication) {
        commands.send(new RevokeSession(sessionOf(authentication), SessionRevocationReason.LOGOUT));
    }

    // ---- profile and passwords ------------------------------------------------------------------------------

    @PostMapping("/profile")
    @Operation(summary = "Give or update your profile (signed in, verified): the account becomes PROFILE_COMPLETE")
    public Verified profile(@Valid @RequestBody ProfileRequest request, Authentication authentication) {
        UUID userId = Actor.id(authentication);
        commands.send(new CompleteProfile(userId, request.name(), request.phone(), request.profession(),
                request.domain(), request.photoUrl()));
        return new Verified(userId, "PROFILE_COMPLETE");
    }

    @PostMapping("/password/forgot")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password-reset code (anyone); always the same answer. Codes are valid 15 minutes")
    public Accepted forgotPassword(@Valid @RequestBody EmailRequest request, HttpServletRequest http) {
        String email = EmailIndex.normalise(request.email());
        limit("reset-request-ip", http.getRemoteAddr(), limits.resetRequestsPerIp(), "too-many-reset-requests");
        limit("reset-request-email", emailIndex.of(email), limits.resetRequestsPerEmail(), "too-many-reset-requests");
        directory.userIdFor(emailIndex.of(email)).ifPresentOrElse(userId -> {
            try {
                issueCode(userId, CodePurpose.PASSWORD_RESET,
                        code -> mail.sendPasswordResetCode(email, code, policy.resetCodeTtl()));
            } catch (RuleViolation ignored) {
                // unverified, deactivated or asked a moment ago: the answer must not differ
            }
        }, this::spendCodeHashingTime);
        return new Accepted(RESET_ACCEPTED);
    }

    @PostMapping("/password/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the e-mailed reset code (anyone): signs out every session")
    public void resetPassword(@Valid @RequestBody ResetPasswordRequest request, HttpServletRequest http) {
        limit("code-attempt", http.getRemoteAddr(), limits.codeAttemptsPerIp(), "too-many-code-attempts");
        String email = EmailIndex.normalise(request.email());
        passwordPolicy.check(request.newPassword(), email, "newPassword");
        String newHash = hashes.encode(request.newPassword());
        Optional<UUID> account = directory.userIdFor(emailIndex.of(email));
        if (account.isEmpty()) {
            spendCodeHashingTime();
            throw invalidCode();
        }
        UUID userId = account.get();
        CodeOutcome outcome;
        try {
            outcome = commands.send(new ResetPassword(userId, request.code(), newHash));
        } catch (RuleViolation violation) {
            throw invalidCode(); // deactivated or erased: the same answer as an unknown address
        }
        requireAccepted(outcome);
        sessionRevoker.revokeAll(userId, null, SessionRevocationReason.PASSWORD_CHANGED);
        throttle.recordSuccess(email);
        mail.sendPasswordChanged(email);
    }

    @PostMapping("/password/change")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password with the current one (signed in): every other session is signed out")
    public void changePassword(@Valid @RequestBody ChangePasswordRequest request, Authentication authentication,
                               HttpServletRequest http) {
        UUID userId = Actor.id(authentication);
        String email = emailOf(authentication);
        passwordPolicy.check(request.newPassword(), email, "newPassword");
        UUID sessionId = sessionOf(authentication);
        requireCurrentPassword(userId, email, request.currentPassword(), http.getRemoteAddr());
        commands.send(new ChangePassword(userId, request.currentPassword(), hashes.encode(request.newPassword()),
                sessionId));
        sessionRevoker.revokeAll(userId, sessionId, SessionRevocationReason.PASSWORD_CHANGED);
        if (email != null) {
            mail.sendPasswordChanged(email);
        }
    }

    // ---- TOTP enrolment (administrators) --------------------------------------------------------------------

    @PostMapping("/totp/enrolment")
    @Operation(summary = "Start authenticator enrolment (ADMIN, with the current password): answers a new secret and "
            + "an otpauth:// URI for the app; it becomes active once confirmed with a code")
    public TotpEnrolment startTotpEnrolment(@Valid @RequestBody PasswordProof request, Authentication authentication,
                                            HttpServletRequest http) {
        UUID userId = Actor.id(authentication);
        requireCurrentPassword(userId, emailOf(authentication), request.password(), http.getRemoteAddr());
        String secret = Totp.newSecret();
        credentials.setPendingTotpSecret(userId, secret);
        String account = Optional.ofNullable(emailOf(authentication)).orElse(userId.toString());
        return new TotpEnrolment(secret, Totp.otpauthUri("Mentor Platform", account, secret));
    }

    @PostMapping("/totp/enrolment/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm authenticator enrolment with a current code (ADMIN); enables break-glass sign-in")
    public void confirmTotpEnrolment(@Valid @RequestBody TotpConfirmation request, Authentication authentication) {
        UUID userId = Actor.id(authentication);
        String pending = credentials.pendingTotpSecret(userId);
        OptionalLong step = pending == null ? OptionalLong.empty()
                : Totp.verify(pending, request.code(), clock.instant(), -1);
        if (step.isEmpty()) {
            throw invalidCode();
        }
        commands.send(new EnrolTotp(userId, pending));
        credentials.useTotpStep(userId, step.getAsLong());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The account of {@code email} if {@code password} is its password; counts failures towards the throttle. */
    private UUID checkPassword(String email, String password, String ip) {
        SignInThrottle.Attempt attempt = throttle.begin(email, ip);
        UUID userId = checkPasswordOnly(attempt, email, password);
        throttle.succeeded(attempt);
        return userId;
    }

    /**
     * Like {@link #checkPassword} but leaves the attempt counted as a failure: a second factor is still to be
     * checked.
     */
    private UUID checkPasswordOnly(SignInThrottle.Attempt attempt, String email, String password) {
        attempt.blockedFor().ifPresent(wait -> {
            throw new RateLimits.LimitReached("too-many-sign-in-attempts",
                    "Too many failed sign-ins for this account or from this address", wait);
        });
        Optional<UUID> userId = directory.userIdFor(emailIndex.of(email));
        // an unknown e-mail still costs a BCrypt comparison (against a decoy), so timing does not reveal accounts
        boolean matches = credentials.passwordMatches(userId.orElse(UNKNOWN_USER), password);
        if (userId.isEmpty() || !matches) {
            throw new InvalidCredentials(); // the attempt stays counted as a failure
        }
        return userId.get();
    }

    private static final UUID UNKNOWN_USER = new UUID(0, 0);

    /**
     * A signed-in caller proving their password again (password change, authenticator enrolment): wrong guesses
     * count towards the same throttle as sign-ins, so a stolen access token does not allow unlimited guessing.
     */
    private void requireCurrentPassword(UUID userId, String email, String password, String ip) {
        SignInThrottle.Attempt attempt = throttle.begin(email != null ? email : userId.toString(), ip);
        attempt.blockedFor().ifPresent(wait -> {
            throw new RateLimits.LimitReached("too-many-sign-in-attempts",
                    "Too many wrong passwords for this account or from this address", wait);
        });
        if (!credentials.passwordMatches(userId, password)) {
            throw IdentityRules.wrongPassword(); // the attempt stays counted as a failure
        }
        throttle.succeeded(attempt);
    }

    private TokenResponse openSession(UUID userId, SignInMethod method, HttpServletRequest http) {
        UUID sessionId = UUID.randomUUID();
        Platform platform = commands.send(new AuthorizeSignIn(userId, method, sessionId, RequestPlatform.of(http),
                http.getHeader("X-Platform") != null));
        String refreshToken = Secrets.newOpaqueToken();
        commands.send(new StartSession(sessionId, userId, method, platform, Secrets.sha256(refreshToken)));
        AccessTokens.IssuedAccessToken access = accessTokens.issue(userId, sessionId);
        return new TokenResponse(access.token(), refreshToken, "Bearer", access.expiresInSeconds(),
                policy.refreshTokenTtl().toSeconds());
    }

    private void issueCode(UUID userId, CodePurpose purpose, java.util.function.Consumer<String> send) {
        String code = Secrets.newSixDigitCode();
        commands.send(new IssueVerificationCode(userId, purpose, hashes.encode(code),
                clock.instant().plus(policy.codeTtl(purpose))));
        send.accept(code); // only after the hash is stored: a code that was mailed always works
    }

    /**
     * Hashing a code (BCrypt) is most of the time an answer takes; paths that send no code spend it too, so that
     * response times do not tell which e-mails have accounts.
     */
    private void spendCodeHashingTime() {
        hashes.encode(Secrets.newSixDigitCode());
    }

    private void limit(String bucket, String key, int max, String code) {
        rateLimits.tryAcquire(bucket, key, max, limits.window()).ifPresent(wait -> {
            throw new RateLimits.LimitReached(code, "Too many requests of this kind; try again later", wait);
        });
    }

    /**
     * Every refusal is the same {@code invalid-code}: telling "expired" or "used up" apart would tell an unknown
     * address from an account that has a code outstanding.
     */
    private static void requireAccepted(CodeOutcome outcome) {
        if (outcome != CodeOutcome.ACCEPTED) {
            throw invalidCode();
        }
    }

    private static RuleViolation invalidCode() {
        return new RuleViolation("invalid-code", Kind.UNPROCESSABLE, "The code is wrong, expired, or was tried "
                + "too often (5 wrong tries; valid 10 minutes for sign-up, 15 for password reset); ask for a new one");
    }

    static UUID sessionOf(Authentication authentication) {
        if (authentication instanceof SignedInCaller caller && caller.sessionId() != null) {
            return caller.sessionId();
        }
        throw new RuleViolation("no-session", Kind.UNAUTHENTICATED, "The access token names no session");
    }

    private static String emailOf(Authentication authentication) {
        return authentication instanceof SignedInCaller caller ? caller.email() : null;
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    public record SignUpRequest(@NotBlank @Email @Size(max = 320) String email,
                                @NotBlank @Size(max = 200) String password,
                                @NotBlank @Size(max = 200) String name) {
    }

    public record EmailRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    public record VerifyRequest(@NotBlank @Email @Size(max = 320) String email,
                                @NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code) {
    }

    public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    public record BreakGlassRequest(@NotBlank @Size(max = 320) String email,
                                    @NotBlank @Size(max = 200) String password,
                                    @NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits")
                                    String totpCode) {
    }

    public record GoogleRequest(@NotBlank @Size(max = 4096) String idToken) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    public record ProfileRequest(@NotBlank @Size(max = 200) String name,
                                 @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number")
                                 String phone,
                                 @NotBlank @Size(max = 120) String profession,
                                 @NotBlank @Size(max = 120) String domain,
                                 @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
                                 String photoUrl) {
    }

    public record ResetPasswordRequest(@NotBlank @Email @Size(max = 320) String email,
                                       @NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits")
                                       String code,
                                       @NotBlank @Size(max = 200) String newPassword) {
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = 200) String currentPassword,
                                        @NotBlank @Size(max = 200) String newPassword) {
    }

    public record PasswordProof(@NotBlank @Size(max = 200) String password) {
    }

    public record TotpConfirmation(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code) {
    }

    /** Answer to requests whose outcome must not reveal whether an account exists. */
    public record Accepted(String message) {
    }

    public record Verified(UUID userId, String stage) {
    }

    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                                long refreshExpiresIn) {
    }

    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    /** Wrong e-mail or password (which one is not said). */
    public static class InvalidCredentials extends RuntimeException {
        public InvalidCredentials() {
            super("invalid credentials", null, false, false);
        }
    }
}

package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.identity.AccountDeactivated;
import com.mrmentor.platform.shared.identity.AccountPlatformsChanged;
import com.mrmentor.platform.shared.identity.AccountReactivated;
import com.mrmentor.platform.shared.identity.AccountRegistered;
import com.mrmentor.platform.shared.identity.AccountRolesChanged;
import com.mrmentor.platform.shared.identity.AccountStage;
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
import com.mrmentor.platform.shared.identity.IssueVerificationCode;
import com.mrmentor.platform.shared.identity.LinkGoogleIdentity;
import com.mrmentor.platform.shared.identity.PasswordChangeMethod;
import com.mrmentor.platform.shared.identity.PasswordChanged;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import com.mrmentor.platform.shared.identity.ProfileCompleted;
import com.mrmentor.platform.shared.identity.ReactivateAccount;
import com.mrmentor.platform.shared.identity.RegisterAccount;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.ResetPassword;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.SignInMethod;
import com.mrmentor.platform.shared.identity.TotpEnrolled;
import com.mrmentor.platform.shared.identity.VerificationCodeFailed;
import com.mrmentor.platform.shared.identity.VerificationCodeIssued;
import com.mrmentor.platform.shared.identity.VerificationMethod;
import com.mrmentor.platform.shared.identity.VerifyEmail;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.mrmentor.platform.command.identity.Violations.violation;
import static com.mrmentor.platform.shared.identity.CodePurpose.EMAIL_VERIFICATION;
import static com.mrmentor.platform.shared.identity.CodePurpose.PASSWORD_RESET;
import static org.assertj.core.api.Assertions.assertThat;

/** The account aggregate's rules, given/when/then, with in-memory credentials, codes and keys and a movable clock. */
class UserAccountTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant REGISTERED_AT = NOW.minus(Duration.ofDays(1));

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER_ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-00000000005e");

    private static final String EMAIL = "ada@example.com";
    private static final String NAME = "Ada Lovelace";
    private static final String INDEX = "index-of-ada";
    private static final String PASSWORD = "analytical engine 1843";
    private static final String NEW_PASSWORD = "difference engine 1822";
    private static final String CODE = "123456";
    private static final String OTHER_CODE = "654321";
    private static final String WRONG_CODE = "000000";
    private static final String GOOGLE_SUBJECT = "google-subject-1";
    private static final String REASON = "support ticket 42";

    private final IdentityPolicy policy = IdentityPolicy.defaults();
    private MutableClock clock;
    private InMemoryCredentials credentials;
    private InMemoryOneTimeCodes codes;
    private RecordingPersonalDataKeys keys;
    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(NOW);
        credentials = new InMemoryCredentials();
        codes = new InMemoryOneTimeCodes();
        keys = new RecordingPersonalDataKeys();
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(credentials);
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(keys);
    }

    // ---- registration --------------------------------------------------------------------------------------------

    @Test
    void registrationWithAPasswordRecordsTheAccountAndKeepsTheHashInCredentialsOnly() {
        fixture.givenNoPriorActivity()
               .when(register(Set.of(Role.STUDENT), RegistrationMethod.SIGNUP, InMemoryCredentials.hash(PASSWORD),
                              null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new AccountRegistered(USER, EMAIL, NAME, INDEX, Set.of(Role.STUDENT),
                                                   Set.of(Platform.MR_MENTOR), RegistrationMethod.SIGNUP, true,
                                                   NOW))
               .expectEventsMatching(noEventMentions(PASSWORD));
        assertThat(credentials.passwordHashes).containsExactlyEntriesOf(
                Map.of(USER, InMemoryCredentials.hash(PASSWORD)));
    }

    @Test
    void registrationWithVerifiedByAlsoVerifiesTheEmail() {
        fixture.givenNoPriorActivity()
               .when(register(Set.of(Role.STUDENT), RegistrationMethod.GOOGLE, null, VerificationMethod.GOOGLE))
               .expectEvents(new AccountRegistered(USER, EMAIL, NAME, INDEX, Set.of(Role.STUDENT),
                                                   Set.of(Platform.MR_MENTOR), RegistrationMethod.GOOGLE, false,
                                                   NOW),
                             new EmailVerified(USER, VerificationMethod.GOOGLE, NOW))
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.VERIFIED));
        assertThat(credentials.passwordHashes).isEmpty();
    }

    @Test
    void registrationWithoutVerifiedByStartsInSignupStage() {
        fixture.givenNoPriorActivity()
               .when(register(Set.of(Role.STUDENT), RegistrationMethod.SIGNUP, InMemoryCredentials.hash(PASSWORD),
                              null))
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.SIGNUP));
    }

    @Test
    void registrationNormalisesTheEmailToTrimmedLowerCaseAndTrimsTheName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(USER, "  Ada@Example.COM ", "  Ada Lovelace ", INDEX,
                                         Set.of(Role.STUDENT), Set.of(Platform.MR_MENTOR),
                                         RegistrationMethod.SIGNUP, InMemoryCredentials.hash(PASSWORD), null))
               .expectEvents(new AccountRegistered(USER, "ada@example.com", "Ada Lovelace", INDEX,
                                                   Set.of(Role.STUDENT), Set.of(Platform.MR_MENTOR),
                                                   RegistrationMethod.SIGNUP, true, NOW));
    }

    @Test
    void registrationWithoutEmailIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(USER, "  ", NAME, INDEX, Set.of(Role.STUDENT),
                                         Set.of(Platform.MR_MENTOR), RegistrationMethod.SIGNUP, null, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-email"));
        assertThat(credentials.passwordHashes).isEmpty();
    }

    @Test
    void registrationWithoutNameIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(USER, EMAIL, null, INDEX, Set.of(Role.STUDENT),
                                         Set.of(Platform.MR_MENTOR), RegistrationMethod.SIGNUP,
                                         InMemoryCredentials.hash(PASSWORD), null))
               .expectNoEvents()
               .expectException(violation("missing-name"));
        assertThat(credentials.passwordHashes).isEmpty();
    }

    @Test
    void registrationWithoutRoleIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(USER, EMAIL, NAME, INDEX, Set.of(), Set.of(Platform.MR_MENTOR),
                                         RegistrationMethod.SIGNUP, null, null))
               .expectNoEvents()
               .expectException(violation("missing-role"))
               .expectExceptionMessage("A role is required");
    }

    @Test
    void registrationWithNullRolesIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(USER, EMAIL, NAME, INDEX, null, Set.of(Platform.MR_MENTOR),
                                         RegistrationMethod.SIGNUP, null, null))
               .expectNoEvents()
               .expectException(violation("missing-role"));
    }

    @Test
    void registrationWithoutPlatformIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(USER, EMAIL, NAME, INDEX, Set.of(Role.STUDENT), Set.of(),
                                         RegistrationMethod.SIGNUP, null, null))
               .expectNoEvents()
               .expectException(violation("missing-platform"));
    }

    // ---- verification codes --------------------------------------------------------------------------------------

    @Test
    void emailVerificationCodeIsStoredAsHashAndExpiresInTenMinutes() {
        fixture.given(registered())
               .when(issue(EMAIL_VERIFICATION, CODE))
               .expectEvents(new VerificationCodeIssued(USER, EMAIL_VERIFICATION, NOW,
                                                        NOW.plus(Duration.ofMinutes(10))))
               .expectEventsMatching(noEventMentions(CODE));
        assertThat(codes.stored(USER, EMAIL_VERIFICATION)).isEqualTo(InMemoryOneTimeCodes.hash(CODE));
    }

    @Test
    void passwordResetCodeIsStoredAsHashAndExpiresInFifteenMinutes() {
        fixture.given(verifiedAccount())
               .when(issue(PASSWORD_RESET, CODE))
               .expectEvents(new VerificationCodeIssued(USER, PASSWORD_RESET, NOW,
                                                        NOW.plus(Duration.ofMinutes(15))));
        assertThat(codes.stored(USER, PASSWORD_RESET)).isEqualTo(InMemoryOneTimeCodes.hash(CODE));
    }

    @Test
    void secondCodeWithinSixtySecondsIsRefused() {
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minusSeconds(30)))
               .when(issue(EMAIL_VERIFICATION, OTHER_CODE))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("code-resend-too-soon"))
               .expectExceptionMessage("A code was sent less than a minute ago; try again in 30 s");
        assertThat(codes.hashes).isEmpty();
    }

    @Test
    void secondCodeOneSecondBeforeTheMinuteIsStillRefused() {
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minusSeconds(59)))
               .when(issue(EMAIL_VERIFICATION, OTHER_CODE))
               .expectNoEvents()
               .expectException(violation("code-resend-too-soon"))
               .expectExceptionMessage("A code was sent less than a minute ago; try again in 1 s");
    }

    @Test
    void secondCodeAfterSixtySecondsIsAllowedAndReplacesTheFirst() {
        TestExecutor<UserAccount> given = fixture.given(registered())
                                                 .andGivenCommands(issue(EMAIL_VERIFICATION, CODE));
        clock.advance(Duration.ofSeconds(60));
        Instant later = NOW.plusSeconds(60);
        given.when(issue(EMAIL_VERIFICATION, OTHER_CODE))
             .expectEvents(new VerificationCodeIssued(USER, EMAIL_VERIFICATION, later,
                                                      later.plus(Duration.ofMinutes(10))));
        assertThat(codes.stored(USER, EMAIL_VERIFICATION)).isEqualTo(InMemoryOneTimeCodes.hash(OTHER_CODE));
    }

    @Test
    void secondResetCodeWithinSixtySecondsIsRefusedToo() {
        fixture.given(verifiedAccount())
               .andGiven(issued(PASSWORD_RESET, NOW.minusSeconds(10)))
               .when(issue(PASSWORD_RESET, OTHER_CODE))
               .expectNoEvents()
               .expectException(violation("code-resend-too-soon"));
    }

    @Test
    void emailVerificationCodeForAVerifiedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .when(issue(EMAIL_VERIFICATION, CODE))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("already-verified"));
        assertThat(codes.hashes).isEmpty();
    }

    @Test
    void passwordResetCodeForAnUnverifiedAccountIsRefused() {
        fixture.given(registered())
               .when(issue(PASSWORD_RESET, CODE))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("password-reset-unavailable"));
        assertThat(codes.hashes).isEmpty();
    }

    @Test
    void passwordResetCodeForADeactivatedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(issue(PASSWORD_RESET, CODE))
               .expectNoEvents()
               .expectException(violation("password-reset-unavailable"));
    }

    @Test
    void codeWithoutHashIsRefused() {
        fixture.given(registered())
               .when(new IssueVerificationCode(USER, EMAIL_VERIFICATION, " ", null))
               .expectNoEvents()
               .expectException(violation("missing-codeHash"));
    }

    // ---- verifying the e-mail ------------------------------------------------------------------------------------

    @Test
    void rightCodeVerifiesTheEmailAndUsesTheCodeUp() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .when(new VerifyEmail(USER, CODE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new EmailVerified(USER, VerificationMethod.CODE, NOW))
               .expectResultMessagePayload(CodeOutcome.ACCEPTED)
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.VERIFIED));
        assertThat(codes.stored(USER, EMAIL_VERIFICATION)).isNull();
    }

    @Test
    void wrongCodeIsRecordedAsAFailedAttempt() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .when(new VerifyEmail(USER, WRONG_CODE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new VerificationCodeFailed(USER, EMAIL_VERIFICATION, 1, false))
               .expectResultMessagePayload(CodeOutcome.WRONG);
        assertThat(codes.stored(USER, EMAIL_VERIFICATION)).isEqualTo(InMemoryOneTimeCodes.hash(CODE));
    }

    @Test
    void missingCodeCountsAsAWrongOne() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .when(new VerifyEmail(USER, null))
               .expectEvents(new VerificationCodeFailed(USER, EMAIL_VERIFICATION, 1, false))
               .expectResultMessagePayload(CodeOutcome.WRONG);
    }

    @Test
    void failedAttemptsAreCounted() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .andGiven(failures(EMAIL_VERIFICATION, 2))
               .when(new VerifyEmail(USER, WRONG_CODE))
               .expectEvents(new VerificationCodeFailed(USER, EMAIL_VERIFICATION, 3, false))
               .expectResultMessagePayload(CodeOutcome.WRONG);
    }

    @Test
    void fifthWrongCodeExhaustsTheCode() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .andGiven(failures(EMAIL_VERIFICATION, 4))
               .when(new VerifyEmail(USER, WRONG_CODE))
               .expectEvents(new VerificationCodeFailed(USER, EMAIL_VERIFICATION, 5, true))
               .expectResultMessagePayload(CodeOutcome.EXHAUSTED);
        assertThat(codes.stored(USER, EMAIL_VERIFICATION)).isNull();
    }

    @Test
    void afterExhaustionEvenTheRightCodeIsRefused() {
        // the stored hash is left in place on purpose: the aggregate alone must refuse it
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .andGiven(failures(EMAIL_VERIFICATION, 5))
               .when(new VerifyEmail(USER, CODE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CodeOutcome.EXHAUSTED);
    }

    @Test
    void codeIsRefusedOnceItsTenMinutesHavePassed() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        TestExecutor<UserAccount> given = fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW));
        clock.advance(Duration.ofMinutes(10));
        given.when(new VerifyEmail(USER, CODE))
             .expectSuccessfulHandlerExecution()
             .expectNoEvents()
             .expectResultMessagePayload(CodeOutcome.EXPIRED);
    }

    @Test
    void codeIsAcceptedJustBeforeItExpires() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        TestExecutor<UserAccount> given = fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        given.when(new VerifyEmail(USER, CODE))
             .expectEvents(new EmailVerified(USER, VerificationMethod.CODE, NOW.plus(Duration.ofMinutes(10))
                                                                             .minusSeconds(1)))
             .expectResultMessagePayload(CodeOutcome.ACCEPTED);
    }

    @Test
    void withoutAnIssuedCodeTheAnswerIsNone() {
        fixture.given(registered())
               .when(new VerifyEmail(USER, CODE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CodeOutcome.NONE);
    }

    @Test
    void verifyingAVerifiedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .when(new VerifyEmail(USER, CODE))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("already-verified"));
    }

    @Test
    void verifyingAnErasedAccountIsRefused() {
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))), erased())
               .when(new VerifyEmail(USER, CODE))
               .expectNoEvents()
               .expectException(violation("account-erased"));
    }

    @Test
    void aNewCodeAfterExhaustionWorks() {
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(2))))
               .andGiven(failures(EMAIL_VERIFICATION, 5))
               .andGivenCommands(issue(EMAIL_VERIFICATION, OTHER_CODE))
               .when(new VerifyEmail(USER, OTHER_CODE))
               .expectEvents(new EmailVerified(USER, VerificationMethod.CODE, NOW))
               .expectResultMessagePayload(CodeOutcome.ACCEPTED);
    }

    @Test
    void aNewCodeStartsWithAFreshAttemptCount() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(OTHER_CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(5))))
               .andGiven(failures(EMAIL_VERIFICATION, 3))
               .andGiven(issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(1))))
               .when(new VerifyEmail(USER, WRONG_CODE))
               .expectEvents(new VerificationCodeFailed(USER, EMAIL_VERIFICATION, 1, false))
               .expectResultMessagePayload(CodeOutcome.WRONG);
    }

    // ---- profile -------------------------------------------------------------------------------------------------

    @Test
    void profileOfAnUnverifiedAccountIsRefused() {
        fixture.given(registered())
               .when(profile())
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("email-not-verified"));
    }

    @Test
    void profileWithoutPhoneIsRefused() {
        fixture.given(verifiedAccount())
               .when(new CompleteProfile(USER, NAME, "  ", "Mathematician", "Computing", null))
               .expectNoEvents()
               .expectException(violation("missing-phone"));
    }

    @Test
    void profileWithoutNameIsRefused() {
        fixture.given(verifiedAccount())
               .when(new CompleteProfile(USER, null, "+44 20 7946 0000", "Mathematician", "Computing", null))
               .expectNoEvents()
               .expectException(violation("missing-name"));
    }

    @Test
    void profileWithoutProfessionIsRefused() {
        fixture.given(verifiedAccount())
               .when(new CompleteProfile(USER, NAME, "+44 20 7946 0000", "", "Computing", null))
               .expectNoEvents()
               .expectException(violation("missing-profession"));
    }

    @Test
    void profileWithoutDomainIsRefused() {
        fixture.given(verifiedAccount())
               .when(new CompleteProfile(USER, NAME, "+44 20 7946 0000", "Mathematician", null, null))
               .expectNoEvents()
               .expectException(violation("missing-domain"));
    }

    @Test
    void completeProfileMovesTheAccountToProfileComplete() {
        fixture.given(verifiedAccount())
               .when(new CompleteProfile(USER, " Ada Lovelace ", " +44 20 7946 0000 ", " Mathematician ",
                                         " Computing ", "  "))
               .expectEvents(new ProfileCompleted(USER, NAME, "+44 20 7946 0000", "Mathematician", "Computing",
                                                  null, NOW))
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.PROFILE_COMPLETE));
    }

    @Test
    void secondProfileUpdatesItAndStaysProfileComplete() {
        fixture.given(verifiedAccount())
               .andGiven(profileCompleted())
               .when(new CompleteProfile(USER, "Augusta Ada King", "+44 20 7946 0001", "Writer", "Poetry",
                                         "https://example.com/ada.png"))
               .expectEvents(new ProfileCompleted(USER, "Augusta Ada King", "+44 20 7946 0001", "Writer",
                                                  "Poetry", "https://example.com/ada.png", NOW))
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.PROFILE_COMPLETE));
    }

    @Test
    void stageNeverMovesBackWhenGoogleIsLinkedLater() {
        fixture.given(verifiedAccount())
               .andGiven(profileCompleted())
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, true))
               .expectEvents(new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, false, NOW))
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.PROFILE_COMPLETE));
    }

    @Test
    void profileOfADeactivatedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(profile())
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("account-deactivated"));
    }

    // ---- passwords -----------------------------------------------------------------------------------------------

    @Test
    void resetWithTheRightCodeChangesThePassword() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        codes.store(USER, PASSWORD_RESET, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(verifiedAccount())
               .andGiven(issued(PASSWORD_RESET, NOW.minus(Duration.ofMinutes(3))))
               .when(new ResetPassword(USER, CODE, InMemoryCredentials.hash(NEW_PASSWORD)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PasswordChanged(USER, PasswordChangeMethod.RESET, null, NOW))
               .expectResultMessagePayload(CodeOutcome.ACCEPTED)
               .expectEventsMatching(noEventMentions(NEW_PASSWORD));
        assertThat(credentials.passwordHashes.get(USER)).isEqualTo(InMemoryCredentials.hash(NEW_PASSWORD));
        assertThat(codes.stored(USER, PASSWORD_RESET)).isNull();
    }

    @Test
    void resetWithAWrongCodeIsRecordedAndChangesNothing() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        codes.store(USER, PASSWORD_RESET, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(verifiedAccount())
               .andGiven(issued(PASSWORD_RESET, NOW.minus(Duration.ofMinutes(3))))
               .when(new ResetPassword(USER, WRONG_CODE, InMemoryCredentials.hash(NEW_PASSWORD)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new VerificationCodeFailed(USER, PASSWORD_RESET, 1, false))
               .expectResultMessagePayload(CodeOutcome.WRONG);
        assertThat(credentials.passwordHashes.get(USER)).isEqualTo(InMemoryCredentials.hash(PASSWORD));
        assertThat(codes.stored(USER, PASSWORD_RESET)).isEqualTo(InMemoryOneTimeCodes.hash(CODE));
    }

    @Test
    void resetAfterFifteenMinutesIsExpired() {
        codes.store(USER, PASSWORD_RESET, InMemoryOneTimeCodes.hash(CODE));
        TestExecutor<UserAccount> given = fixture.given(verifiedAccount())
                                                 .andGiven(issued(PASSWORD_RESET, NOW));
        clock.advance(Duration.ofMinutes(15));
        given.when(new ResetPassword(USER, CODE, InMemoryCredentials.hash(NEW_PASSWORD)))
             .expectNoEvents()
             .expectResultMessagePayload(CodeOutcome.EXPIRED);
        assertThat(credentials.passwordHashes).doesNotContainKey(USER);
    }

    @Test
    void resetWithoutAResetCodeIsNone() {
        fixture.given(verifiedAccount())
               .when(new ResetPassword(USER, CODE, InMemoryCredentials.hash(NEW_PASSWORD)))
               .expectNoEvents()
               .expectResultMessagePayload(CodeOutcome.NONE);
    }

    @Test
    void emailCodeIsNoResetCode() {
        codes.store(USER, EMAIL_VERIFICATION, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(registered(), issued(EMAIL_VERIFICATION, NOW.minus(Duration.ofMinutes(1))))
               .when(new ResetPassword(USER, CODE, InMemoryCredentials.hash(NEW_PASSWORD)))
               .expectNoEvents()
               .expectResultMessagePayload(CodeOutcome.NONE);
    }

    @Test
    void changeWithAWrongCurrentPasswordIsRefused() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        fixture.given(verifiedAccount())
               .when(new ChangePassword(USER, "not the password", InMemoryCredentials.hash(NEW_PASSWORD),
                                        SESSION))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("wrong-password"));
        assertThat(credentials.passwordHashes.get(USER)).isEqualTo(InMemoryCredentials.hash(PASSWORD));
    }

    @Test
    void changeWithoutTheCurrentPasswordIsRefused() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        fixture.given(verifiedAccount())
               .when(new ChangePassword(USER, null, InMemoryCredentials.hash(NEW_PASSWORD), SESSION))
               .expectNoEvents()
               .expectException(violation("wrong-password"));
    }

    @Test
    void changeOnAGoogleOnlyAccountWithoutPasswordIsRefused() {
        fixture.given(googleAccount())
               .when(new ChangePassword(USER, PASSWORD, InMemoryCredentials.hash(NEW_PASSWORD), SESSION))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("no-password-set"));
        assertThat(credentials.passwordHashes).isEmpty();
    }

    @Test
    void changeWithTheRightCurrentPasswordStoresTheNewHashAndKeepsTheSession() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        fixture.given(verifiedAccount())
               .when(new ChangePassword(USER, PASSWORD, InMemoryCredentials.hash(NEW_PASSWORD), SESSION))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PasswordChanged(USER, PasswordChangeMethod.CHANGE, SESSION, NOW))
               .expectEventsMatching(noEventMentions(PASSWORD))
               .expectEventsMatching(noEventMentions(NEW_PASSWORD));
        assertThat(credentials.passwordHashes.get(USER)).isEqualTo(InMemoryCredentials.hash(NEW_PASSWORD));
    }

    @Test
    void googleOnlyAccountCanChangeItsPasswordOnceAResetSetOne() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        fixture.given(googleAccount())
               .andGiven(new PasswordChanged(USER, PasswordChangeMethod.RESET, null, REGISTERED_AT))
               .when(new ChangePassword(USER, PASSWORD, InMemoryCredentials.hash(NEW_PASSWORD), SESSION))
               .expectEvents(new PasswordChanged(USER, PasswordChangeMethod.CHANGE, SESSION, NOW));
    }

    // ---- Google --------------------------------------------------------------------------------------------------

    @Test
    void linkingGoogleRecordsTheSubject() {
        fixture.given(verifiedAccount())
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, true))
               .expectEvents(new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, false, NOW));
    }

    @Test
    void linkingGoogleTwiceChangesNothing() {
        fixture.given(verifiedAccount())
               .andGiven(new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, false, REGISTERED_AT))
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, true))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aGoogleAccountThatDoesNotOwnTheAddressCannotBeLinkedToAnExistingAccount() {
        fixture.given(verifiedAccount())
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, false))
               .expectNoEvents()
               .expectException(violation("google-link-not-trusted"));
    }

    @Test
    void theLinkedGoogleAccountSignsInAgainWhoeverOwnsTheAddress() {
        fixture.given(verifiedAccount())
               .andGiven(new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, false, REGISTERED_AT))
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, false))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anotherGoogleAccountClaimingALinkedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, false, REGISTERED_AT))
               .when(new LinkGoogleIdentity(USER, "another-google-subject", true))
               .expectNoEvents()
               .expectException(violation("google-account-mismatch"));
    }

    @Test
    void linkingGoogleVerifiesAnUnverifiedAccountAndDropsItsUnprovenPassword() {
        // Someone may have signed up with the owner's address and a password of their own; Google proves the
        // address belongs to the person signing in with it, so that password must not survive.
        credentials.setPassword(USER, InMemoryCredentials.hash("attacker's password"));
        fixture.given(registered())
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, true))
               .expectEvents(new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, true, NOW),
                             new EmailVerified(USER, VerificationMethod.GOOGLE, NOW))
               .expectState(account -> assertThat(stageOf(account)).isEqualTo(AccountStage.VERIFIED));
        assertThat(credentials.passwordMatches(USER, "attacker's password")).isFalse();
    }

    @Test
    void linkingGoogleToADeactivatedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, true))
               .expectNoEvents()
               .expectException(violation("account-deactivated"));
    }

    @Test
    void linkingWithoutSubjectIsRefused() {
        fixture.given(verifiedAccount())
               .when(new LinkGoogleIdentity(USER, " ", true))
               .expectNoEvents()
               .expectException(violation("missing-googleSubject"));
    }

    // ---- sign-in -------------------------------------------------------------------------------------------------

    @Test
    void unverifiedAccountCannotSignIn() {
        fixture.given(registered())
               .when(new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MR_MENTOR, false))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("email-not-verified"));
    }

    @Test
    void deactivatedAccountCannotSignIn() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MR_MENTOR, false))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("account-deactivated"));
    }

    @Test
    void erasedAccountCannotSignIn() {
        fixture.given(verifiedAccount())
               .andGiven(erased())
               .when(new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MR_MENTOR, false))
               .expectNoEvents()
               .expectException(violation("account-erased"));
    }

    @Test
    void verifiedActiveAccountSignsInWithPasswordWithoutAnEventInTheNamedPlatform() {
        fixture.given(verifiedAccount())
               .when(new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MR_MENTOR, true))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(Platform.MR_MENTOR)
               .expectNoEvents();
    }

    @Test
    void signInNamingAPlatformTheAccountDoesNotBelongToIsRefused() {
        fixture.given(verifiedAccount())
               .when(new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MAS, true))
               .expectNoEvents()
               .expectException(violation("platform-not-allowed"));
    }

    @Test
    void signInWithoutANamedPlatformRunsInTheAccountsOwnPlatform() {
        fixture.given(verifiedAccount())
               .when(new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MAS, false))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(Platform.MR_MENTOR);
    }

    @Test
    void reactivatedAccountSignsInAgain() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON), new AccountReactivated(USER, REASON))
               .when(new AuthorizeSignIn(USER, SignInMethod.GOOGLE, SESSION, Platform.MR_MENTOR, false))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void breakGlassIsRefusedToANonAdministrator() {
        fixture.given(verifiedAccount())
               .when(new AuthorizeSignIn(USER, SignInMethod.BREAK_GLASS, SESSION, Platform.MR_MENTOR, false))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("break-glass-not-allowed"));
    }

    @Test
    void breakGlassIsRefusedToAnAdministratorWithoutTotp() {
        fixture.given(verifiedAdmin())
               .when(new AuthorizeSignIn(USER, SignInMethod.BREAK_GLASS, SESSION, Platform.MR_MENTOR, false))
               .expectNoEvents()
               .expectException(violation("break-glass-not-allowed"));
    }

    @Test
    void breakGlassIsRefusedToAFormerAdministratorWithTotp() {
        fixture.given(verifiedAdmin())
               .andGiven(new TotpEnrolled(USER, REGISTERED_AT),
                         new AccountRolesChanged(USER, Set.of(Role.MENTOR), Set.of(Role.ADMIN), REASON))
               .when(new AuthorizeSignIn(USER, SignInMethod.BREAK_GLASS, SESSION, Platform.MR_MENTOR, false))
               .expectNoEvents()
               .expectException(violation("break-glass-not-allowed"));
    }

    @Test
    void breakGlassByAnAdministratorWithTotpIsRecorded() {
        fixture.given(verifiedAdmin())
               .andGiven(new TotpEnrolled(USER, REGISTERED_AT))
               .when(new AuthorizeSignIn(USER, SignInMethod.BREAK_GLASS, SESSION, Platform.MR_MENTOR, false))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new BreakGlassSignInUsed(USER, SESSION, NOW));
    }

    @Test
    void totpEnrolmentIsRefusedToANonAdministrator() {
        credentials.setPendingTotpSecret(USER, "PENDINGSECRET");
        fixture.given(verifiedAccount())
               .when(new EnrolTotp(USER, "PENDINGSECRET"))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("totp-admins-only"));
    }

    @Test
    void totpEnrolmentOfAnAdministratorActivatesTheConfirmedSecretAndIsRecorded() {
        credentials.setPendingTotpSecret(USER, "PENDINGSECRET");
        fixture.given(verifiedAdmin())
               .when(new EnrolTotp(USER, "PENDINGSECRET"))
               .expectEvents(new TotpEnrolled(USER, NOW));
        assertThat(credentials.totpSecret(USER)).isEqualTo("PENDINGSECRET");
        assertThat(credentials.pendingTotpSecret(USER)).isNull();
    }

    @Test
    void totpEnrolmentIsRefusedWhenAnotherSecretWasStartedMeanwhile() {
        credentials.setPendingTotpSecret(USER, "STARTED-LATER");
        fixture.given(verifiedAdmin())
               .when(new EnrolTotp(USER, "CONFIRMED-EARLIER"))
               .expectNoEvents()
               .expectException(violation("no-pending-enrolment"));
        assertThat(credentials.totpSecret(USER)).isNull();
    }

    // ---- administration ------------------------------------------------------------------------------------------

    @Test
    void rolesChangeRecordsOldAndNewRoles() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountRoles(USER, Set.of(Role.STUDENT, Role.MENTOR), " promoted ", OTHER_ADMIN))
               .expectEvents(new AccountRolesChanged(USER, Set.of(Role.STUDENT, Role.MENTOR),
                                                     Set.of(Role.STUDENT), "promoted"));
    }

    @Test
    void unchangedRolesRecordNothing() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountRoles(USER, Set.of(Role.STUDENT), REASON, OTHER_ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void administratorCannotRemoveTheirOwnAdministratorRole() {
        fixture.given(verifiedAdmin())
               .when(new ChangeAccountRoles(USER, Set.of(Role.MENTOR), REASON, USER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("cannot-change-own-access"));
    }

    @Test
    void administratorMayAddRolesToThemselves() {
        fixture.given(verifiedAdmin())
               .when(new ChangeAccountRoles(USER, Set.of(Role.ADMIN, Role.AUDITOR), REASON, USER))
               .expectEvents(new AccountRolesChanged(USER, Set.of(Role.ADMIN, Role.AUDITOR), Set.of(Role.ADMIN),
                                                     REASON));
    }

    @Test
    void anotherAdministratorMayRemoveTheAdministratorRole() {
        fixture.given(verifiedAdmin())
               .when(new ChangeAccountRoles(USER, Set.of(Role.MENTOR), REASON, OTHER_ADMIN))
               .expectEvents(new AccountRolesChanged(USER, Set.of(Role.MENTOR), Set.of(Role.ADMIN), REASON));
    }

    @Test
    void rolesChangeWithoutReasonIsRefused() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountRoles(USER, Set.of(Role.MENTOR), "  ", OTHER_ADMIN))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void rolesChangeToNoRolesIsRefused() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountRoles(USER, Set.of(), REASON, OTHER_ADMIN))
               .expectNoEvents()
               .expectException(violation("missing-role"));
    }

    @Test
    void grantingARoleAddsItToTheExistingRoles() {
        fixture.given(verifiedAccount())
               .when(new GrantRole(USER, Role.MENTOR, " mentor application approved "))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new AccountRolesChanged(USER, Set.of(Role.STUDENT, Role.MENTOR), Set.of(Role.STUDENT),
                                                     "mentor application approved"));
    }

    @Test
    void grantingARoleTheAccountHasRecordsNothing() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountRolesChanged(USER, Set.of(Role.STUDENT, Role.MENTOR), Set.of(Role.STUDENT),
                                                 REASON))
               .when(new GrantRole(USER, Role.MENTOR, REASON))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void grantingARoleToADeactivatedAccountIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(new GrantRole(USER, Role.MENTOR, REASON))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("account-deactivated"));
    }

    @Test
    void grantingARoleWithoutReasonIsRefused() {
        fixture.given(verifiedAccount())
               .when(new GrantRole(USER, Role.MENTOR, " "))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void platformsChangeRecordsOldAndNewPlatforms() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountPlatforms(USER, Set.of(Platform.MR_MENTOR, Platform.MAS), " joins MAS "))
               .expectEvents(new AccountPlatformsChanged(USER, Set.of(Platform.MR_MENTOR, Platform.MAS),
                                                         Set.of(Platform.MR_MENTOR), "joins MAS"));
    }

    @Test
    void unchangedPlatformsRecordNothing() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountPlatforms(USER, Set.of(Platform.MR_MENTOR), REASON))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void platformsChangeToNoPlatformIsRefused() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountPlatforms(USER, Set.of(), REASON))
               .expectNoEvents()
               .expectException(violation("missing-platform"));
    }

    @Test
    void platformsChangeWithoutReasonIsRefused() {
        fixture.given(verifiedAccount())
               .when(new ChangeAccountPlatforms(USER, Set.of(Platform.MAS), null))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void deactivationIsRecorded() {
        fixture.given(verifiedAccount())
               .when(new DeactivateAccount(USER, " left the company ", OTHER_ADMIN))
               .expectEvents(new AccountDeactivated(USER, "left the company"));
    }

    @Test
    void administratorCannotDeactivateThemselves() {
        fixture.given(verifiedAdmin())
               .when(new DeactivateAccount(USER, REASON, USER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("cannot-change-own-access"));
    }

    @Test
    void deactivatingTwiceIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(new DeactivateAccount(USER, REASON, OTHER_ADMIN))
               .expectNoEvents()
               .expectException(violation("account-already-deactivated"));
    }

    @Test
    void deactivationWithoutReasonIsRefused() {
        fixture.given(verifiedAccount())
               .when(new DeactivateAccount(USER, "", OTHER_ADMIN))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void reactivationIsRecorded() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(new ReactivateAccount(USER, " back again "))
               .expectEvents(new AccountReactivated(USER, "back again"));
    }

    @Test
    void reactivatingAnActiveAccountIsRefused() {
        fixture.given(verifiedAccount())
               .when(new ReactivateAccount(USER, REASON))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("account-not-deactivated"));
    }

    // ---- erasure -------------------------------------------------------------------------------------------------

    @Test
    void erasureDestroysKeyCredentialsAndCodesAndIsRecorded() {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        codes.store(USER, PASSWORD_RESET, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(verifiedAccount())
               .andGiven(issued(PASSWORD_RESET, NOW.minus(Duration.ofMinutes(1))))
               .when(new ErasePersonalData(USER, " GDPR request "))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PersonalDataErased(USER, "GDPR request", NOW));
        assertThat(keys.erased).containsExactly(USER);
        assertThat(credentials.forgotten).containsExactly(USER);
        assertThat(credentials.passwordHashes).isEmpty();
        assertThat(codes.forgotten).containsExactly(USER);
        assertThat(codes.hashes).isEmpty();
    }

    @Test
    void deactivatedAccountCanBeErased() {
        fixture.given(verifiedAccount())
               .andGiven(new AccountDeactivated(USER, REASON))
               .when(new ErasePersonalData(USER, REASON))
               .expectEvents(new PersonalDataErased(USER, REASON, NOW));
    }

    @Test
    void erasureWithoutReasonIsRefusedAndDestroysNothing() {
        fixture.given(verifiedAccount())
               .when(new ErasePersonalData(USER, " "))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
        assertThat(keys.erased).isEmpty();
        assertThat(credentials.forgotten).isEmpty();
        assertThat(codes.forgotten).isEmpty();
    }

    @Test
    void erasingTwiceIsRefused() {
        fixture.given(verifiedAccount())
               .andGiven(erased())
               .when(new ErasePersonalData(USER, REASON))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("account-erased"))
               .expectExceptionMessage("This account was erased and is closed");
        assertThat(keys.erased).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsAfterErasure")
    void everyCommandOnAnErasedAccountIsRefused(String name, Object command) {
        credentials.setPassword(USER, InMemoryCredentials.hash(PASSWORD));
        codes.store(USER, PASSWORD_RESET, InMemoryOneTimeCodes.hash(CODE));
        fixture.given(verifiedAdmin())
               .andGiven(new TotpEnrolled(USER, REGISTERED_AT),
                         issued(PASSWORD_RESET, NOW.minus(Duration.ofDays(1))),
                         erased())
               .when(command)
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("account-erased"));
    }

    static Stream<Arguments> commandsAfterErasure() {
        return Stream.of(
                Arguments.of("IssueVerificationCode(EMAIL_VERIFICATION)", issue(EMAIL_VERIFICATION, CODE)),
                Arguments.of("IssueVerificationCode(PASSWORD_RESET)", issue(PASSWORD_RESET, CODE)),
                Arguments.of("VerifyEmail", new VerifyEmail(USER, CODE)),
                Arguments.of("CompleteProfile", profile()),
                Arguments.of("LinkGoogleIdentity", new LinkGoogleIdentity(USER, GOOGLE_SUBJECT, true)),
                Arguments.of("ResetPassword", new ResetPassword(USER, CODE, InMemoryCredentials.hash(NEW_PASSWORD))),
                Arguments.of("ChangePassword",
                             new ChangePassword(USER, PASSWORD, InMemoryCredentials.hash(NEW_PASSWORD), SESSION)),
                Arguments.of("AuthorizeSignIn(PASSWORD)", new AuthorizeSignIn(USER, SignInMethod.PASSWORD, SESSION, Platform.MR_MENTOR, false)),
                Arguments.of("AuthorizeSignIn(BREAK_GLASS)",
                             new AuthorizeSignIn(USER, SignInMethod.BREAK_GLASS, SESSION, Platform.MR_MENTOR, false)),
                Arguments.of("EnrolTotp", new EnrolTotp(USER, "PENDINGSECRET")),
                Arguments.of("ChangeAccountRoles", new ChangeAccountRoles(USER, Set.of(Role.MENTOR), REASON,
                                                                          OTHER_ADMIN)),
                Arguments.of("GrantRole", new GrantRole(USER, Role.MENTOR, REASON)),
                Arguments.of("ChangeAccountPlatforms", new ChangeAccountPlatforms(USER, Set.of(Platform.MAS), REASON)),
                Arguments.of("DeactivateAccount", new DeactivateAccount(USER, REASON, OTHER_ADMIN)),
                Arguments.of("ReactivateAccount", new ReactivateAccount(USER, REASON)),
                Arguments.of("ErasePersonalData", new ErasePersonalData(USER, REASON)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static RegisterAccount register(Set<Role> roles, RegistrationMethod method, String passwordHash,
                                            VerificationMethod verifiedBy) {
        return new RegisterAccount(USER, EMAIL, NAME, INDEX, roles, Set.of(Platform.MR_MENTOR), method, passwordHash,
                verifiedBy);
    }

    private static IssueVerificationCode issue(CodePurpose purpose, String code) {
        return new IssueVerificationCode(USER, purpose, InMemoryOneTimeCodes.hash(code), null);
    }

    private static CompleteProfile profile() {
        return new CompleteProfile(USER, NAME, "+44 20 7946 0000", "Mathematician", "Computing", null);
    }

    private static AccountRegistered registered() {
        return registeredAs(Set.of(Role.STUDENT), RegistrationMethod.SIGNUP, true);
    }

    private static AccountRegistered registeredAs(Set<Role> roles, RegistrationMethod method, boolean hasPassword) {
        return new AccountRegistered(USER, EMAIL, NAME, INDEX, roles, Set.of(Platform.MR_MENTOR), method,
                hasPassword, REGISTERED_AT);
    }

    private static Object[] verifiedAccount() {
        return new Object[]{registered(), new EmailVerified(USER, VerificationMethod.CODE, REGISTERED_AT)};
    }

    private static Object[] verifiedAdmin() {
        return new Object[]{registeredAs(Set.of(Role.ADMIN), RegistrationMethod.BOOTSTRAP, true),
                new EmailVerified(USER, VerificationMethod.BOOTSTRAP, REGISTERED_AT)};
    }

    /** Registered with Google: verified, no password. */
    private static Object[] googleAccount() {
        return new Object[]{registeredAs(Set.of(Role.STUDENT), RegistrationMethod.GOOGLE, false),
                new EmailVerified(USER, VerificationMethod.GOOGLE, REGISTERED_AT),
                new GoogleIdentityLinked(USER, GOOGLE_SUBJECT, false, REGISTERED_AT)};
    }

    private static ProfileCompleted profileCompleted() {
        return new ProfileCompleted(USER, NAME, "+44 20 7946 0000", "Mathematician", "Computing", null,
                REGISTERED_AT);
    }

    private VerificationCodeIssued issued(CodePurpose purpose, Instant issuedAt) {
        return new VerificationCodeIssued(USER, purpose, issuedAt, issuedAt.plus(policy.codeTtl(purpose)));
    }

    /** The first {@code count} failed attempts at the outstanding code of {@code purpose}. */
    private List<Object> failures(CodePurpose purpose, int count) {
        List<Object> events = new ArrayList<>();
        for (int attempt = 1; attempt <= count; attempt++) {
            events.add(new VerificationCodeFailed(USER, purpose, attempt, attempt >= policy.maxCodeAttempts()));
        }
        return events;
    }

    private static PersonalDataErased erased() {
        return new PersonalDataErased(USER, REASON, REGISTERED_AT.plus(Duration.ofHours(1)));
    }

    private static AccountStage stageOf(UserAccount account) {
        return (AccountStage) ReflectionTestUtils.getField(account, "stage");
    }

    /** Events none of whose payloads mention {@code secret} (records print every field). */
    private static Matcher<List<EventMessage<?>>> noEventMentions(String secret) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().noneMatch(event -> String.valueOf(event.getPayload()).contains(secret));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events that never mention ").appendValue(secret);
            }
        };
    }
}

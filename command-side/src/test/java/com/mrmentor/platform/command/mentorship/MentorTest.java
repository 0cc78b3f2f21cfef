package com.mrmentor.platform.command.mentorship;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.mentorship.ApplyToMentor;
import com.mrmentor.platform.shared.mentorship.ApproveMentorApplication;
import com.mrmentor.platform.shared.mentorship.ClearDateAvailability;
import com.mrmentor.platform.shared.mentorship.DateAvailabilityCleared;
import com.mrmentor.platform.shared.mentorship.DateAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.MentorApplicationApproved;
import com.mrmentor.platform.shared.mentorship.MentorApplicationRejected;
import com.mrmentor.platform.shared.mentorship.MentorApplicationSubmitted;
import com.mrmentor.platform.shared.mentorship.MentorProfileUpdated;
import com.mrmentor.platform.shared.mentorship.MentorReinstated;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorSuspended;
import com.mrmentor.platform.shared.mentorship.ReinstateMentor;
import com.mrmentor.platform.shared.mentorship.RejectMentorApplication;
import com.mrmentor.platform.shared.mentorship.SetDateAvailability;
import com.mrmentor.platform.shared.mentorship.SetWeeklyAvailability;
import com.mrmentor.platform.shared.mentorship.SuspendMentor;
import com.mrmentor.platform.shared.mentorship.TimeWindow;
import com.mrmentor.platform.shared.mentorship.UpdateMentorProfile;
import com.mrmentor.platform.shared.mentorship.WeeklyAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.WeeklyWindow;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The mentor aggregate's rules, given/when/then, with a fixed clock and the default policy. */
class MentorTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant APPLIED_AT = NOW.minus(Duration.ofDays(2));
    private static final Instant DECIDED_AT = NOW.minus(Duration.ofDays(1));

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SECOND_APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    private static final String HEADLINE = "Backend engineer, 10 years of JVM";
    private static final String BIO = "I help students ship their first production service.";
    private static final List<String> EXPERTISE = List.of("Java", "Spring");
    private static final List<String> LANGUAGES = List.of("English", "German");
    private static final String ZONE = "Europe/Berlin";
    private static final String REASON = "policy review 7";

    private static final LocalDate DATE = LocalDate.of(2026, 3, 20);

    private final MentorshipPolicy policy = MentorshipPolicy.defaults();
    private AggregateTestFixture<Mentor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mentor.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(policy);
    }

    // ---- applying ------------------------------------------------------------------------------------------------

    @Test
    void applicationRecordsTheProfileAtTheClocksTime() {
        fixture.givenNoPriorActivity()
               .when(new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, "Backend", "Acme", LANGUAGES,
                                       ZONE, 5))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new MentorApplicationSubmitted(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, "Backend",
                                                            "Acme", LANGUAGES, ZONE, 5, NOW))
               .expectState(mentor -> assertThat(statusOf(mentor)).isEqualTo(MentorStatus.APPLIED));
    }

    @Test
    void applicationTrimsTextsAndTrimsDeduplicatesAndDropsBlankTags() {
        fixture.givenNoPriorActivity()
               .when(new ApplyToMentor(USER, APPLICATION, "  " + HEADLINE + " ", "\t" + BIO + "\n",
                                       Arrays.asList(" Java ", "Java", "  ", null, "Spring ", " Spring"), "  ", " ",
                                       List.of(" English", "English ", "German"), "  " + ZONE + " ", 2))
               .expectEvents(new MentorApplicationSubmitted(USER, APPLICATION, HEADLINE, BIO,
                                                            List.of("Java", "Spring"), null, null,
                                                            List.of("English", "German"), ZONE, 2, NOW));
    }

    @Test
    void applicationWithoutPriceCostsOneToken() {
        fixture.givenNoPriorActivity()
               .when(apply(null))
               .expectEvents(submitted(APPLICATION, 1, NOW));
    }

    @ParameterizedTest(name = "{0} tokens")
    @ValueSource(ints = {1, 100})
    void pricesFromOneToOneHundredAreAccepted(int price) {
        fixture.givenNoPriorActivity()
               .when(apply(price))
               .expectEvents(submitted(APPLICATION, price, NOW));
    }

    @ParameterizedTest(name = "{0} tokens")
    @ValueSource(ints = {0, -1, 101, 1000})
    void pricesOutsideOneToOneHundredAreRefused(int price) {
        fixture.givenNoPriorActivity()
               .when(apply(price))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("invalid-price"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Mars/Olympus_Mons", "Europe/Berlinn", "not a zone", "+05:30", "UTC+2", "GMT+05:30"})
    void unknownZonesAndFixedOffsetsAreRefused(String zone) {
        fixture.givenNoPriorActivity()
               .when(new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, zone,
                                       null))
               .expectNoEvents()
               .expectException(violation("invalid-time-zone"));
    }

    static Stream<Arguments> incompleteApplications() {
        return Stream.of(
                Arguments.of("missing-headline",
                             new ApplyToMentor(USER, APPLICATION, " ", BIO, EXPERTISE, null, null, LANGUAGES, ZONE, 1)),
                Arguments.of("missing-headline",
                             new ApplyToMentor(USER, APPLICATION, null, BIO, EXPERTISE, null, null, LANGUAGES, ZONE,
                                               1)),
                Arguments.of("missing-bio",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, "", EXPERTISE, null, null, LANGUAGES, ZONE,
                                               1)),
                Arguments.of("missing-expertise",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, List.of(), null, null, LANGUAGES, ZONE,
                                               1)),
                Arguments.of("missing-expertise",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, List.of(" ", ""), null, null,
                                               LANGUAGES, ZONE, 1)),
                Arguments.of("missing-expertise",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, null, null, null, LANGUAGES, ZONE, 1)),
                Arguments.of("missing-language",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, List.of(), ZONE,
                                               1)),
                Arguments.of("missing-language",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, null, ZONE, 1)),
                Arguments.of("missing-time-zone",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, " ",
                                               1)),
                Arguments.of("missing-time-zone",
                             new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, null,
                                               1)),
                Arguments.of("missing-applicationId",
                             new ApplyToMentor(USER, null, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteApplications")
    void incompleteApplicationsAreRefused(String code, ApplyToMentor command) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectNoEvents()
               .expectException(violation(code));
    }

    @Test
    void aSecondApplicationWhileOneWaitsIsRefused() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new ApplyToMentor(USER, SECOND_APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES,
                                       ZONE, 1))
               .expectNoEvents()
               .expectException(violation("mentor-application-pending"));
    }

    @Test
    void anActiveMentorCannotApply() {
        fixture.given(active())
               .when(new ApplyToMentor(USER, SECOND_APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES,
                                       ZONE, 1))
               .expectNoEvents()
               .expectException(violation("already-mentor"));
    }

    @Test
    void aSuspendedMentorCannotApply() {
        fixture.given(suspended())
               .when(new ApplyToMentor(USER, SECOND_APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES,
                                       ZONE, 1))
               .expectNoEvents()
               .expectException(violation("already-mentor"));
    }

    @Test
    void aRejectedUserMayApplyAgain() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT),
                      new MentorApplicationRejected(USER, APPLICATION, ADMIN, REASON, DECIDED_AT))
               .when(new ApplyToMentor(USER, SECOND_APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES,
                                       ZONE, 3))
               .expectSuccessfulHandlerExecution()
               .expectEvents(submitted(SECOND_APPLICATION, 3, NOW))
               .expectState(mentor -> assertThat(statusOf(mentor)).isEqualTo(MentorStatus.APPLIED));
    }

    @Test
    void theSecondApplicationIsTheOneApproved() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT),
                      new MentorApplicationRejected(USER, APPLICATION, ADMIN, REASON, DECIDED_AT),
                      submitted(SECOND_APPLICATION, 1, DECIDED_AT))
               .when(new ApproveMentorApplication(USER, ADMIN))
               .expectEvents(new MentorApplicationApproved(USER, SECOND_APPLICATION, ADMIN, NOW));
    }

    // ---- deciding ------------------------------------------------------------------------------------------------

    @Test
    void approvalRecordsTheApproverAndTime() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new ApproveMentorApplication(USER, ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new MentorApplicationApproved(USER, APPLICATION, ADMIN, NOW))
               .expectState(mentor -> assertThat(statusOf(mentor)).isEqualTo(MentorStatus.ACTIVE));
    }

    @Test
    void rejectionRecordsTheTrimmedReason() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new RejectMentorApplication(USER, ADMIN, "  not enough experience "))
               .expectEvents(new MentorApplicationRejected(USER, APPLICATION, ADMIN, "not enough experience", NOW))
               .expectState(mentor -> assertThat(statusOf(mentor)).isEqualTo(MentorStatus.REJECTED));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   "})
    void rejectionWithoutReasonIsRefused(String reason) {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new RejectMentorApplication(USER, ADMIN, reason))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void rejectionWithNullReasonIsRefused() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new RejectMentorApplication(USER, ADMIN, null))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void applicantCannotApproveTheirOwnApplication() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new ApproveMentorApplication(USER, USER))
               .expectNoEvents()
               .expectException(violation("self-approval"));
    }

    @Test
    void applicantCannotRejectTheirOwnApplication() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new RejectMentorApplication(USER, USER, REASON))
               .expectNoEvents()
               .expectException(violation("self-approval"));
    }

    @Test
    void approvingAnApprovedApplicationIsRefused() {
        fixture.given(active())
               .when(new ApproveMentorApplication(USER, ADMIN))
               .expectNoEvents()
               .expectException(violation("no-open-mentor-application"));
    }

    @Test
    void approvingARejectedApplicationIsRefused() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT),
                      new MentorApplicationRejected(USER, APPLICATION, ADMIN, REASON, DECIDED_AT))
               .when(new ApproveMentorApplication(USER, ADMIN))
               .expectNoEvents()
               .expectException(violation("no-open-mentor-application"));
    }

    @Test
    void rejectingAnActiveMentorIsRefused() {
        fixture.given(active())
               .when(new RejectMentorApplication(USER, ADMIN, REASON))
               .expectNoEvents()
               .expectException(violation("no-open-mentor-application"));
    }

    @Test
    void rejectingASuspendedMentorIsRefused() {
        fixture.given(suspended())
               .when(new RejectMentorApplication(USER, ADMIN, REASON))
               .expectNoEvents()
               .expectException(violation("no-open-mentor-application"));
    }

    @Test
    void approvingAUserWhoNeverAppliedFindsNoMentor() {
        fixture.givenNoPriorActivity()
               .when(new ApproveMentorApplication(USER, ADMIN))
               .expectNoEvents()
               .expectException(AggregateNotFoundException.class);
    }

    // ---- profile -------------------------------------------------------------------------------------------------

    @Test
    void anActiveMentorReplacesTheirProfile() {
        fixture.given(active())
               .when(new UpdateMentorProfile(USER, " New headline ", " New bio ", List.of("Kotlin", " Kotlin "),
                                             " Mobile ", " Initech ", List.of("French"), "America/New_York", 7))
               .expectEvents(new MentorProfileUpdated(USER, "New headline", "New bio", List.of("Kotlin"), "Mobile",
                                                      "Initech", List.of("French"), "America/New_York", 7));
    }

    @Test
    void profileUpdateWithoutPriceFallsBackToOneToken() {
        fixture.given(active())
               .when(new UpdateMentorProfile(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, null))
               .expectEvents(new MentorProfileUpdated(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE,
                                                      1));
    }

    @Test
    void profileUpdateIsCheckedLikeAnApplication() {
        fixture.given(active())
               .when(new UpdateMentorProfile(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, "Nowhere/City",
                                             1))
               .expectNoEvents()
               .expectException(violation("invalid-time-zone"));
        fixture.given(active())
               .when(new UpdateMentorProfile(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, 101))
               .expectNoEvents()
               .expectException(violation("invalid-price"));
        fixture.given(active())
               .when(new UpdateMentorProfile(USER, HEADLINE, null, EXPERTISE, null, null, LANGUAGES, ZONE, 1))
               .expectNoEvents()
               .expectException(violation("missing-bio"));
    }

    @Test
    void anApplicantCannotUpdateAProfile() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new UpdateMentorProfile(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, 1))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void aSuspendedMentorCannotUpdateTheirProfile() {
        fixture.given(suspended())
               .when(new UpdateMentorProfile(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, 1))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void aRejectedUserCannotUpdateAProfile() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT),
                      new MentorApplicationRejected(USER, APPLICATION, ADMIN, REASON, DECIDED_AT))
               .when(new UpdateMentorProfile(USER, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, 1))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    // ---- suspension ----------------------------------------------------------------------------------------------

    @Test
    void anActiveMentorIsSuspendedWithATrimmedReason() {
        fixture.given(active())
               .when(new SuspendMentor(USER, " complaints ", ADMIN))
               .expectEvents(new MentorSuspended(USER, "complaints", ADMIN))
               .expectState(mentor -> assertThat(statusOf(mentor)).isEqualTo(MentorStatus.SUSPENDED));
    }

    @Test
    void suspensionWithoutReasonIsRefused() {
        fixture.given(active())
               .when(new SuspendMentor(USER, " ", ADMIN))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void suspendingTwiceIsRefused() {
        fixture.given(suspended())
               .when(new SuspendMentor(USER, REASON, ADMIN))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void anApplicantCannotBeSuspended() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new SuspendMentor(USER, REASON, ADMIN))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void aSuspendedMentorIsReinstatedWithATrimmedReason() {
        fixture.given(suspended())
               .when(new ReinstateMentor(USER, " cleared ", ADMIN))
               .expectEvents(new MentorReinstated(USER, "cleared", ADMIN))
               .expectState(mentor -> assertThat(statusOf(mentor)).isEqualTo(MentorStatus.ACTIVE));
    }

    @Test
    void reinstatementWithoutReasonIsRefused() {
        fixture.given(suspended())
               .when(new ReinstateMentor(USER, null, ADMIN))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void reinstatingAnActiveMentorIsRefused() {
        fixture.given(active())
               .when(new ReinstateMentor(USER, REASON, ADMIN))
               .expectNoEvents()
               .expectException(violation("mentor-not-suspended"));
    }

    @Test
    void reinstatingAnApplicantIsRefused() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new ReinstateMentor(USER, REASON, ADMIN))
               .expectNoEvents()
               .expectException(violation("mentor-not-suspended"));
    }

    @Test
    void aReinstatedMentorMaySetAvailabilityAgain() {
        fixture.given(suspended())
               .andGiven(new MentorReinstated(USER, REASON, ADMIN))
               .when(new SetWeeklyAvailability(USER, List.of(weekly(MONDAY, "09:00", "10:00")), 0))
               .expectEvents(new WeeklyAvailabilitySet(USER, List.of(weekly(MONDAY, "09:00", "10:00")), 0));
    }

    // ---- weekly availability -------------------------------------------------------------------------------------

    @Test
    void weeklyWindowsAreRecordedSortedByDayThenStart() {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, List.of(weekly(FRIDAY, "14:00", "16:00"),
                                                             weekly(MONDAY, "13:00", "15:00"),
                                                             weekly(WEDNESDAY, "08:00", "09:00"),
                                                             weekly(MONDAY, "09:00", "11:00")), 10))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new WeeklyAvailabilitySet(USER, List.of(weekly(MONDAY, "09:00", "11:00"),
                                                                     weekly(MONDAY, "13:00", "15:00"),
                                                                     weekly(WEDNESDAY, "08:00", "09:00"),
                                                                     weekly(FRIDAY, "14:00", "16:00")), 10));
    }

    @Test
    void noWeeklyWindowsClearTheWeek() {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, List.of(), 0))
               .expectEvents(new WeeklyAvailabilitySet(USER, List.of(), 0));
    }

    @Test
    void nullWeeklyWindowsAreRefused() {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, null, 0))
               .expectNoEvents()
               .expectException(violation("missing-windows"));
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {0, 60})
    void buffersFromZeroToSixtyMinutesAreAccepted(int buffer) {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, List.of(weekly(MONDAY, "09:00", "10:00")), buffer))
               .expectEvents(new WeeklyAvailabilitySet(USER, List.of(weekly(MONDAY, "09:00", "10:00")), buffer));
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {-1, 61, 240})
    void buffersOutsideZeroToSixtyMinutesAreRefused(int buffer) {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, List.of(weekly(MONDAY, "09:00", "10:00")), buffer))
               .expectNoEvents()
               .expectException(violation("invalid-buffer"));
    }

    static Stream<Arguments> invalidWeeks() {
        return Stream.of(
                Arguments.of("shorter than a session", List.of(weekly(MONDAY, "09:00", "09:29"))),
                Arguments.of("empty", List.of(weekly(MONDAY, "09:00", "09:00"))),
                Arguments.of("ends before it starts", List.of(weekly(MONDAY, "11:00", "10:00"))),
                Arguments.of("15 minutes before midnight", List.of(weekly(MONDAY, "23:45", "00:00"))),
                Arguments.of("overlapping", List.of(weekly(MONDAY, "09:00", "11:00"), weekly(MONDAY, "10:30", "12:00"))),
                Arguments.of("one inside another",
                             List.of(weekly(MONDAY, "09:00", "12:00"), weekly(MONDAY, "10:00", "11:00"))),
                Arguments.of("the same window twice",
                             List.of(weekly(SUNDAY, "09:00", "10:00"), weekly(SUNDAY, "09:00", "10:00"))),
                Arguments.of("overlapping one that runs to midnight",
                             List.of(weekly(MONDAY, "22:00", "00:00"), weekly(MONDAY, "23:00", "23:30"))),
                Arguments.of("after a whole day",
                             List.of(weekly(MONDAY, "00:00", "00:00"), weekly(MONDAY, "10:00", "11:00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidWeeks")
    void invalidWeeklyWindowsAreRefused(String description, List<WeeklyWindow> windows) {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, windows, 0))
               .expectNoEvents()
               .expectException(violation("invalid-window"));
    }

    @Test
    void windowsThatTouchDoNotOverlap() {
        List<WeeklyWindow> windows = List.of(weekly(MONDAY, "09:00", "10:00"), weekly(MONDAY, "10:00", "11:00"));
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, windows, 0))
               .expectEvents(new WeeklyAvailabilitySet(USER, windows, 0));
    }

    @Test
    void theSameTimesOnDifferentDaysAreFine() {
        List<WeeklyWindow> windows = List.of(weekly(MONDAY, "09:00", "11:00"), weekly(WEDNESDAY, "09:00", "11:00"),
                                             weekly(FRIDAY, "09:00", "11:00"));
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, windows, 0))
               .expectEvents(new WeeklyAvailabilitySet(USER, windows, 0));
    }

    @Test
    void aWindowMayEndAtMidnight() {
        List<WeeklyWindow> windows = List.of(weekly(MONDAY, "22:00", "23:00"), weekly(MONDAY, "23:30", "00:00"),
                                             weekly(SUNDAY, "00:00", "00:00"));
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, windows, 0))
               .expectEvents(new WeeklyAvailabilitySet(USER, windows, 0));
    }

    @Test
    void aWeeklyWindowWithoutDayIsRefused() {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, List.of(weekly(null, "09:00", "10:00")), 0))
               .expectNoEvents()
               .expectException(violation("missing-day"));
    }

    @Test
    void aWeeklyWindowWithoutTimesIsRefused() {
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, List.of(new WeeklyWindow(MONDAY, LocalTime.of(9, 0), null)), 0))
               .expectNoEvents()
               .expectException(violation("missing-window-time"));
    }

    @Test
    void aNullWeeklyWindowIsRefused() {
        List<WeeklyWindow> windows = new ArrayList<>();
        windows.add(null);
        fixture.given(active())
               .when(new SetWeeklyAvailability(USER, windows, 0))
               .expectNoEvents()
               .expectException(violation("missing-day"));
    }

    @Test
    void anApplicantCannotSetAvailability() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new SetWeeklyAvailability(USER, List.of(weekly(MONDAY, "09:00", "10:00")), 0))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void aSuspendedMentorCannotSetAvailability() {
        fixture.given(suspended())
               .when(new SetWeeklyAvailability(USER, List.of(weekly(MONDAY, "09:00", "10:00")), 0))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
        fixture.given(suspended())
               .when(new SetDateAvailability(USER, DATE, List.of()))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
        fixture.given(suspended())
               .when(new ClearDateAvailability(USER, DATE))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    // ---- date availability ---------------------------------------------------------------------------------------

    @Test
    void dateWindowsAreRecordedSorted() {
        fixture.given(active())
               .when(new SetDateAvailability(USER, DATE, List.of(window("18:00", "20:00"), window("07:00", "08:00"))))
               .expectEvents(new DateAvailabilitySet(USER, DATE, List.of(window("07:00", "08:00"),
                                                                         window("18:00", "20:00"))));
    }

    @Test
    void noDateWindowsBlockTheDate() {
        fixture.given(active())
               .when(new SetDateAvailability(USER, DATE, List.of()))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new DateAvailabilitySet(USER, DATE, List.of()));
    }

    @Test
    void overlappingDateWindowsAreRefused() {
        fixture.given(active())
               .when(new SetDateAvailability(USER, DATE, List.of(window("09:00", "11:00"), window("10:00", "12:00"))))
               .expectNoEvents()
               .expectException(violation("invalid-window"));
    }

    @Test
    void aDateWindowShorterThanASessionIsRefused() {
        fixture.given(active())
               .when(new SetDateAvailability(USER, DATE, List.of(window("09:00", "09:15"))))
               .expectNoEvents()
               .expectException(violation("invalid-window"));
    }

    @Test
    void aDateWindowMayEndAtMidnight() {
        fixture.given(active())
               .when(new SetDateAvailability(USER, DATE, List.of(window("23:30", "00:00"))))
               .expectEvents(new DateAvailabilitySet(USER, DATE, List.of(window("23:30", "00:00"))));
    }

    @Test
    void dateAvailabilityNeedsADateAndWindows() {
        fixture.given(active())
               .when(new SetDateAvailability(USER, null, List.of()))
               .expectNoEvents()
               .expectException(violation("missing-date"));
        fixture.given(active())
               .when(new SetDateAvailability(USER, DATE, null))
               .expectNoEvents()
               .expectException(violation("missing-windows"));
    }

    @Test
    void anApplicantCannotSetDateAvailability() {
        fixture.given(submitted(APPLICATION, 1, APPLIED_AT))
               .when(new SetDateAvailability(USER, DATE, List.of()))
               .expectNoEvents()
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void clearingADateIsRecorded() {
        fixture.given(active())
               .andGiven(new DateAvailabilitySet(USER, DATE, List.of()))
               .when(new ClearDateAvailability(USER, DATE))
               .expectEvents(new DateAvailabilityCleared(USER, DATE));
    }

    @Test
    void clearingNeedsADate() {
        fixture.given(active())
               .when(new ClearDateAvailability(USER, null))
               .expectNoEvents()
               .expectException(violation("missing-date"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ApplyToMentor apply(Integer price) {
        return new ApplyToMentor(USER, APPLICATION, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE, price);
    }

    private static MentorApplicationSubmitted submitted(UUID application, int price, Instant at) {
        return new MentorApplicationSubmitted(USER, application, HEADLINE, BIO, EXPERTISE, null, null, LANGUAGES, ZONE,
                                              price, at);
    }

    private static Object[] active() {
        return new Object[]{submitted(APPLICATION, 1, APPLIED_AT),
                new MentorApplicationApproved(USER, APPLICATION, ADMIN, DECIDED_AT)};
    }

    private static Object[] suspended() {
        return new Object[]{submitted(APPLICATION, 1, APPLIED_AT),
                new MentorApplicationApproved(USER, APPLICATION, ADMIN, DECIDED_AT),
                new MentorSuspended(USER, REASON, ADMIN)};
    }

    private static WeeklyWindow weekly(java.time.DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static TimeWindow window(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    private static MentorStatus statusOf(Mentor mentor) {
        return (MentorStatus) ReflectionTestUtils.getField(mentor, "status");
    }

    /** A rule violation whose stable code is {@code code}. */
    private static Matcher<RuleViolation> violation(String code) {
        return new FeatureMatcher<>(equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.code();
            }
        };
    }
}

package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.hub.ApplicationStatus;
import com.mrmentor.platform.shared.hub.ChangeApplicationStatus;
import com.mrmentor.platform.shared.hub.CreateHubGroup;
import com.mrmentor.platform.shared.hub.EndPairing;
import com.mrmentor.platform.shared.hub.GroupLeaveCause;
import com.mrmentor.platform.shared.hub.HubGroupCreated;
import com.mrmentor.platform.shared.hub.HubGroupJoined;
import com.mrmentor.platform.shared.hub.HubGroupLeft;
import com.mrmentor.platform.shared.hub.HubIds;
import com.mrmentor.platform.shared.hub.JoinHubGroup;
import com.mrmentor.platform.shared.hub.LeaveHubGroup;
import com.mrmentor.platform.shared.hub.MenteeApplicationStatusChanged;
import com.mrmentor.platform.shared.hub.MenteeApplicationSubmitted;
import com.mrmentor.platform.shared.hub.MenteeCapacitySet;
import com.mrmentor.platform.shared.hub.MenteePaired;
import com.mrmentor.platform.shared.hub.PairingEndCause;
import com.mrmentor.platform.shared.hub.PairingEnded;
import com.mrmentor.platform.shared.hub.SetMenteeCapacity;
import com.mrmentor.platform.shared.hub.SubmitMenteeApplication;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.command.hub.FakeHub.violation;
import static com.mrmentor.platform.shared.hub.ApplicationStatus.ACCEPTED;
import static com.mrmentor.platform.shared.hub.ApplicationStatus.INTERVIEWED;
import static com.mrmentor.platform.shared.hub.ApplicationStatus.INVITED_FOR_INTERVIEW;
import static com.mrmentor.platform.shared.hub.ApplicationStatus.PENDING;
import static com.mrmentor.platform.shared.hub.ApplicationStatus.REJECTED;

/** The mentor circle's rules, given/when/then, with a fixed clock, the default policy and in-memory ports. */
class MentorCircleTest {

    private static final Instant NOW = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-10-01T09:00:00Z");

    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID MENTEE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_MENTEE = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    private static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER_APPLICATION = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID PAIRING = HubIds.pairingOf(APPLICATION);

    private static final String GOALS = "Move from QA into backend development";
    private static final List<String> INTERESTS = List.of("Java", "SQL");
    private static final String TRACK = "tech";
    private static final String BACKGROUND = "Two years of manual testing";

    private final FakeHub.Mentors mentors = new FakeHub.Mentors();
    private final FakeHub.Pairings pairings = new FakeHub.Pairings();
    private AggregateTestFixture<MentorCircle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MentorCircle.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(HubPolicy.defaults());
        fixture.registerInjectableResource(mentors);
        fixture.registerInjectableResource(pairings);
        mentors.statuses.put(MENTOR, MentorStatus.ACTIVE);
    }

    // ---- applying --------------------------------------------------------------------------------------------

    @Test
    void aMenteeAppliesToAnActiveMentor() {
        fixture.givenNoPriorActivity()
               .when(new SubmitMenteeApplication(MENTOR, APPLICATION, MENTEE, "  " + GOALS + " ",
                                                 Arrays.asList(" Java", "Java", " ", null, "SQL"), " tech ", " "))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new MenteeApplicationSubmitted(MENTOR, APPLICATION, MENTEE, GOALS, INTERESTS, TRACK, null,
                                                            NOW));
    }

    @ParameterizedTest
    @EnumSource(value = MentorStatus.class, names = {"APPLIED", "REJECTED"})
    void applyingToSomeoneWhoIsNotAMentorIsNotFound(MentorStatus status) {
        mentors.statuses.put(MENTOR, status);
        fixture.givenNoPriorActivity()
               .when(apply(APPLICATION, MENTEE))
               .expectNoEvents()
               .expectException(violation("mentor-not-found"));
    }

    @Test
    void applyingToAnUnknownUserIsNotFound() {
        mentors.statuses.clear();
        fixture.givenNoPriorActivity()
               .when(apply(APPLICATION, MENTEE))
               .expectException(violation("mentor-not-found"));
    }

    @Test
    void applyingToASuspendedMentorIsRefused() {
        mentors.statuses.put(MENTOR, MentorStatus.SUSPENDED);
        fixture.givenNoPriorActivity()
               .when(apply(APPLICATION, MENTEE))
               .expectException(violation("mentor-not-active"));
    }

    @Test
    void aMentorCannotApplyToThemselves() {
        fixture.givenNoPriorActivity()
               .when(apply(APPLICATION, MENTOR))
               .expectNoEvents()
               .expectException(violation("cannot-apply-to-self"));
    }

    @Test
    void oneOpenApplicationPerMenteeAndMentor() {
        fixture.given(submitted(APPLICATION, MENTEE), changed(APPLICATION, MENTEE, PENDING, INVITED_FOR_INTERVIEW))
               .when(apply(OTHER_APPLICATION, MENTEE))
               .expectNoEvents()
               .expectException(violation("application-already-open"));
    }

    @Test
    void aRejectedMenteeMayApplyAgain() {
        fixture.given(submitted(APPLICATION, MENTEE), changed(APPLICATION, MENTEE, PENDING, INVITED_FOR_INTERVIEW),
                      changed(APPLICATION, MENTEE, INVITED_FOR_INTERVIEW, INTERVIEWED),
                      changed(APPLICATION, MENTEE, INTERVIEWED, REJECTED))
               .when(apply(OTHER_APPLICATION, MENTEE))
               .expectEvents(submitted(OTHER_APPLICATION, MENTEE));
    }

    @Test
    void aMenteePairedWithAnotherMentorCannotApply() {
        pairings.add(UUID.randomUUID(), UUID.randomUUID(), MENTEE, true);
        fixture.givenNoPriorActivity()
               .when(apply(APPLICATION, MENTEE))
               .expectException(violation("mentee-already-paired"));
    }

    @Test
    void aMenteePairedWithThisMentorCannotApplyAgain() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .when(apply(OTHER_APPLICATION, MENTEE))
               .expectException(violation("mentee-already-paired"));
    }

    @ParameterizedTest(name = "goals ''{0}''")
    @ValueSource(strings = {"", "  "})
    void goalsAndTrackAreRequired(String blank) {
        fixture.givenNoPriorActivity()
               .when(new SubmitMenteeApplication(MENTOR, APPLICATION, MENTEE, blank, INTERESTS, TRACK, BACKGROUND))
               .expectException(violation("missing-goals"));
        fixture.givenNoPriorActivity()
               .when(new SubmitMenteeApplication(MENTOR, APPLICATION, MENTEE, GOALS, INTERESTS, blank, BACKGROUND))
               .expectException(violation("missing-track"));
    }

    // ---- the mentor's decisions ------------------------------------------------------------------------------

    @Test
    void theMentorMovesOneStepAtATimeToAcceptanceWhichPairs() {
        fixture.given(submitted(APPLICATION, MENTEE), changed(APPLICATION, MENTEE, PENDING, INVITED_FOR_INTERVIEW),
                      changed(APPLICATION, MENTEE, INVITED_FOR_INTERVIEW, INTERVIEWED))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, MENTOR, false, " welcome "))
               .expectEvents(new MenteeApplicationStatusChanged(MENTOR, APPLICATION, MENTEE, INTERVIEWED, ACCEPTED,
                                                                MENTOR, false, "welcome", NOW),
                             new MenteePaired(MENTOR, PAIRING, MENTEE, APPLICATION, NOW));
    }

    @Test
    void theMentorInvitesAPendingApplicantWithoutAReason() {
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, INVITED_FOR_INTERVIEW, MENTOR, false, null))
               .expectEvents(changed(APPLICATION, MENTEE, PENDING, INVITED_FOR_INTERVIEW, NOW));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"PENDING, INTERVIEWED", "PENDING, ACCEPTED", "PENDING, REJECTED", "INVITED_FOR_INTERVIEW, ACCEPTED",
                "INVITED_FOR_INTERVIEW, REJECTED", "INTERVIEWED, INVITED_FOR_INTERVIEW", "INTERVIEWED, PENDING",
                "INVITED_FOR_INTERVIEW, INVITED_FOR_INTERVIEW"})
    void theMentorCannotSkipGoBackOrStay(ApplicationStatus from, ApplicationStatus to) {
        fixture.given(reach(from))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, to, MENTOR, false, null))
               .expectNoEvents()
               .expectException(violation("invalid-transition"));
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = {"ACCEPTED", "REJECTED"})
    void nobodyLeavesAFinalStatusNotEvenAnAdministrator(ApplicationStatus finalStatus) {
        for (ApplicationStatus to : ApplicationStatus.values()) {
            fixture.given(reach(finalStatus))
                   .when(new ChangeApplicationStatus(MENTOR, APPLICATION, to, ADMIN, true, "override"))
                   .expectNoEvents()
                   .expectException(violation("application-decided"));
            fixture.given(reach(finalStatus))
                   .when(new ChangeApplicationStatus(MENTOR, APPLICATION, to, MENTOR, false, null))
                   .expectException(violation("application-decided"));
        }
    }

    @Test
    void anotherUserCannotDecideTheApplication() {
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, INVITED_FOR_INTERVIEW, STRANGER, false, null))
               .expectNoEvents()
               .expectException(violation("not-your-application"));
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, INVITED_FOR_INTERVIEW, MENTEE, false, null))
               .expectException(violation("not-your-application"));
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, OTHER_APPLICATION, INVITED_FOR_INTERVIEW, MENTOR, false,
                                                 null))
               .expectException(violation("application-not-found"));
    }

    // ---- the administrator's override ------------------------------------------------------------------------

    @Test
    void anAdministratorMaySkipStepsWithAReasonRecorded() {
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, ADMIN, true, "mentor on leave"))
               .expectEvents(new MenteeApplicationStatusChanged(MENTOR, APPLICATION, MENTEE, PENDING, ACCEPTED, ADMIN,
                                                                true, "mentor on leave", NOW),
                             new MenteePaired(MENTOR, PAIRING, MENTEE, APPLICATION, NOW));
    }

    @Test
    void anAdministratorMayMoveBackAnOpenApplication() {
        fixture.given(reach(INTERVIEWED))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, INVITED_FOR_INTERVIEW, ADMIN, true, "redo"))
               .expectEvents(new MenteeApplicationStatusChanged(MENTOR, APPLICATION, MENTEE, INTERVIEWED,
                                                                INVITED_FOR_INTERVIEW, ADMIN, true, "redo", NOW));
    }

    @ParameterizedTest(name = "reason ''{0}''")
    @ValueSource(strings = {"", "   "})
    void anOverrideNeedsAReason(String reason) {
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, REJECTED, ADMIN, true, reason))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, REJECTED, ADMIN, true, null))
               .expectException(violation("missing-reason"));
    }

    @Test
    void anAdministratorWhoIsTheMentorFollowsTheMentorsPath() {
        fixture.given(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, MENTOR, true, "skip"))
               .expectException(violation("invalid-transition"));
    }

    // ---- capacity ---------------------------------------------------------------------------------------------

    @Test
    void acceptanceBeyondTheDefaultCapacityOfFiveIsRefused() {
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID application = UUID.randomUUID();
            history.addAll(accepted(application, UUID.randomUUID()));
        }
        history.addAll(reach(INTERVIEWED));
        fixture.given(history)
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, MENTOR, false, null))
               .expectNoEvents()
               .expectException(violation("mentor-at-capacity"));
    }

    @Test
    void theCapacityBindsAnAdministratorToo() {
        fixture.given(new MenteeCapacitySet(MENTOR, 1, MENTOR))
               .andGiven(accepted(OTHER_APPLICATION, OTHER_MENTEE))
               .andGiven(submitted(APPLICATION, MENTEE))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, ADMIN, true, "please"))
               .expectNoEvents()
               .expectException(violation("mentor-at-capacity"));
    }

    @Test
    void endingAPairingFreesAPlace() {
        fixture.given(new MenteeCapacitySet(MENTOR, 1, MENTOR))
               .andGiven(accepted(OTHER_APPLICATION, OTHER_MENTEE))
               .andGiven(new PairingEnded(MENTOR, HubIds.pairingOf(OTHER_APPLICATION), OTHER_MENTEE, OTHER_MENTEE,
                                          PairingEndCause.MENTEE_ENDED, null, EARLIER))
               .andGiven(reach(INTERVIEWED))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, MENTOR, false, null))
               .expectEvents(changed(APPLICATION, MENTEE, INTERVIEWED, ACCEPTED, NOW),
                             new MenteePaired(MENTOR, PAIRING, MENTEE, APPLICATION, NOW));
    }

    @Test
    void acceptingAMenteePairedElsewhereIsRefused() {
        pairings.add(UUID.randomUUID(), UUID.randomUUID(), MENTEE, true);
        fixture.given(reach(INTERVIEWED))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, MENTOR, false, null))
               .expectNoEvents()
               .expectException(violation("mentee-already-paired"));
    }

    @Test
    void aSuspendedMentorCannotAccept() {
        mentors.statuses.put(MENTOR, MentorStatus.SUSPENDED);
        fixture.given(reach(INTERVIEWED))
               .when(new ChangeApplicationStatus(MENTOR, APPLICATION, ACCEPTED, MENTOR, false, null))
               .expectException(violation("mentor-not-active"));
    }

    @ParameterizedTest(name = "{0} mentees")
    @ValueSource(ints = {1, 100})
    void theMentorSetsACapacityFromOneToOneHundred(int capacity) {
        fixture.givenNoPriorActivity()
               .when(new SetMenteeCapacity(MENTOR, capacity, MENTOR))
               .expectEvents(new MenteeCapacitySet(MENTOR, capacity, MENTOR));
    }

    @ParameterizedTest(name = "{0} mentees")
    @ValueSource(ints = {0, -1, 101})
    void capacitiesOutsideOneToOneHundredAreRefused(int capacity) {
        fixture.givenNoPriorActivity()
               .when(new SetMenteeCapacity(MENTOR, capacity, MENTOR))
               .expectNoEvents()
               .expectException(violation("invalid-capacity"));
    }

    @Test
    void theCapacityCannotDropBelowTheCurrentMentees() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(accepted(OTHER_APPLICATION, OTHER_MENTEE))
               .when(new SetMenteeCapacity(MENTOR, 1, MENTOR))
               .expectNoEvents()
               .expectException(violation("capacity-below-mentees"));
    }

    @Test
    void onlyAnActiveMentorSetsACapacity() {
        mentors.statuses.put(MENTOR, MentorStatus.APPLIED);
        fixture.givenNoPriorActivity()
               .when(new SetMenteeCapacity(MENTOR, 3, MENTOR))
               .expectException(violation("mentor-not-active"));
    }

    // ---- ending pairings -------------------------------------------------------------------------------------

    @Test
    void theMenteeEndsThePairingAndLeavesTheMentorsGroups() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(group(GROUP, 3), new HubGroupJoined(MENTOR, GROUP, MENTEE, EARLIER))
               .when(new EndPairing(MENTOR, PAIRING, MENTEE, false, " moving abroad "))
               .expectEvents(new PairingEnded(MENTOR, PAIRING, MENTEE, MENTEE, PairingEndCause.MENTEE_ENDED,
                                              "moving abroad", NOW),
                             new HubGroupLeft(MENTOR, GROUP, MENTEE, GroupLeaveCause.PAIRING_ENDED, NOW));
    }

    @Test
    void theMentorReleasesAndAnAdministratorEnds() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .when(new EndPairing(MENTOR, PAIRING, MENTOR, false, null))
               .expectEvents(new PairingEnded(MENTOR, PAIRING, MENTEE, MENTOR, PairingEndCause.MENTOR_RELEASED, null,
                                              NOW));
        fixture.given(accepted(APPLICATION, MENTEE))
               .when(new EndPairing(MENTOR, PAIRING, ADMIN, true, "inactive"))
               .expectEvents(new PairingEnded(MENTOR, PAIRING, MENTEE, ADMIN, PairingEndCause.ADMIN_ENDED,
                                              "inactive", NOW));
    }

    @Test
    void nobodyElseEndsAPairingAndAnEndedPairingStaysEnded() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .when(new EndPairing(MENTOR, PAIRING, STRANGER, false, null))
               .expectNoEvents()
               .expectException(violation("not-in-pairing"));
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(new PairingEnded(MENTOR, PAIRING, MENTEE, MENTEE, PairingEndCause.MENTEE_ENDED, null,
                                          EARLIER))
               .when(new EndPairing(MENTOR, PAIRING, MENTOR, false, null))
               .expectException(violation("pairing-ended"));
        fixture.given(accepted(APPLICATION, MENTEE))
               .when(new EndPairing(MENTOR, UUID.randomUUID(), MENTOR, false, null))
               .expectException(violation("pairing-not-found"));
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    @Test
    void theMentorOrAnAdministratorCreatesAGroup() {
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, " Backend circle ", " 2026-Q4 ", " tech ", 3, MENTOR, false))
               .expectEvents(new HubGroupCreated(MENTOR, GROUP, "Backend circle", "2026-Q4", "tech", 3, MENTOR, NOW));
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, "Backend circle", "2026-Q4", "tech", null, ADMIN, true))
               .expectEvents(new HubGroupCreated(MENTOR, GROUP, "Backend circle", "2026-Q4", "tech", 5, ADMIN, NOW));
    }

    @Test
    void anotherMentorCannotCreateAGroupForThisMentor() {
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, "Backend", "2026-Q4", "tech", 3, STRANGER, false))
               .expectNoEvents()
               .expectException(violation("not-your-circle"));
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {0, 51})
    void groupSizesOutsideOneToFiftyAreRefused(int size) {
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, "Backend", "2026-Q4", "tech", size, MENTOR, false))
               .expectException(violation("invalid-group-size"));
    }

    @Test
    void aGroupNeedsNameCohortAndTrack() {
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, " ", "2026-Q4", "tech", 3, MENTOR, false))
               .expectException(violation("missing-name"));
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, "Backend", null, "tech", 3, MENTOR, false))
               .expectException(violation("missing-cohort"));
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, "Backend", "2026-Q4", "", 3, MENTOR, false))
               .expectException(violation("missing-track"));
    }

    @Test
    void aGroupIsForAnActiveMentor() {
        mentors.statuses.clear();
        fixture.givenNoPriorActivity()
               .when(new CreateHubGroup(MENTOR, GROUP, "Backend", "2026-Q4", "tech", 3, ADMIN, true))
               .expectException(violation("mentor-not-found"));
    }

    @Test
    void aPairedMenteeJoinsAndLeaves() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(group(GROUP, 2))
               .when(new JoinHubGroup(MENTOR, GROUP, MENTEE))
               .expectEvents(new HubGroupJoined(MENTOR, GROUP, MENTEE, NOW));
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(group(GROUP, 2), new HubGroupJoined(MENTOR, GROUP, MENTEE, EARLIER))
               .when(new LeaveHubGroup(MENTOR, GROUP, MENTEE))
               .expectEvents(new HubGroupLeft(MENTOR, GROUP, MENTEE, GroupLeaveCause.LEFT, NOW));
    }

    @Test
    void onlyMenteesPairedWithTheMentorJoin() {
        fixture.given(group(GROUP, 2))
               .andGiven(submitted(APPLICATION, MENTEE))
               .when(new JoinHubGroup(MENTOR, GROUP, MENTEE))
               .expectNoEvents()
               .expectException(violation("not-paired-with-mentor"));
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(group(GROUP, 2),
                         new PairingEnded(MENTOR, PAIRING, MENTEE, MENTEE, PairingEndCause.MENTEE_ENDED, null, EARLIER))
               .when(new JoinHubGroup(MENTOR, GROUP, MENTEE))
               .expectException(violation("not-paired-with-mentor"));
    }

    @Test
    void aFullGroupTakesNobodyElse() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(accepted(OTHER_APPLICATION, OTHER_MENTEE))
               .andGiven(group(GROUP, 1), new HubGroupJoined(MENTOR, GROUP, OTHER_MENTEE, EARLIER))
               .when(new JoinHubGroup(MENTOR, GROUP, MENTEE))
               .expectNoEvents()
               .expectException(violation("group-full"));
    }

    @Test
    void joiningTwiceLeavingTwiceAndUnknownGroupsAreRefused() {
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(group(GROUP, 2), new HubGroupJoined(MENTOR, GROUP, MENTEE, EARLIER))
               .when(new JoinHubGroup(MENTOR, GROUP, MENTEE))
               .expectException(violation("already-in-group"));
        fixture.given(accepted(APPLICATION, MENTEE))
               .andGiven(group(GROUP, 2))
               .when(new LeaveHubGroup(MENTOR, GROUP, MENTEE))
               .expectException(violation("not-in-group"));
        fixture.given(accepted(APPLICATION, MENTEE))
               .when(new JoinHubGroup(MENTOR, GROUP, MENTEE))
               .expectException(violation("group-not-found"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static SubmitMenteeApplication apply(UUID applicationId, UUID menteeId) {
        return new SubmitMenteeApplication(MENTOR, applicationId, menteeId, GOALS, INTERESTS, TRACK, BACKGROUND);
    }

    private static MenteeApplicationSubmitted submitted(UUID applicationId, UUID menteeId) {
        return new MenteeApplicationSubmitted(MENTOR, applicationId, menteeId, GOALS, INTERESTS, TRACK, BACKGROUND,
                                              NOW);
    }

    private static MenteeApplicationStatusChanged changed(UUID applicationId, UUID menteeId, ApplicationStatus from,
                                                          ApplicationStatus to) {
        return changed(applicationId, menteeId, from, to, EARLIER);
    }

    private static MenteeApplicationStatusChanged changed(UUID applicationId, UUID menteeId, ApplicationStatus from,
                                                          ApplicationStatus to, Instant at) {
        return new MenteeApplicationStatusChanged(MENTOR, applicationId, menteeId, from, to, MENTOR, false, null, at);
    }

    /** The history that brings {@link #APPLICATION} of {@link #MENTEE} to {@code status} along the mentor's path. */
    private static List<Object> reach(ApplicationStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(submitted(APPLICATION, MENTEE));
        ApplicationStatus[] path = {PENDING, INVITED_FOR_INTERVIEW, INTERVIEWED, status};
        for (int i = 1; i < path.length && path[i - 1] != status; i++) {
            events.add(changed(APPLICATION, MENTEE, path[i - 1], path[i]));
            if (path[i] == ACCEPTED) {
                events.add(new MenteePaired(MENTOR, PAIRING, MENTEE, APPLICATION, EARLIER));
            }
        }
        return events;
    }

    /** The history of an application accepted after an interview. */
    private static List<Object> accepted(UUID applicationId, UUID menteeId) {
        return List.of(submitted(applicationId, menteeId),
                       changed(applicationId, menteeId, PENDING, INVITED_FOR_INTERVIEW),
                       changed(applicationId, menteeId, INVITED_FOR_INTERVIEW, INTERVIEWED),
                       changed(applicationId, menteeId, INTERVIEWED, ACCEPTED),
                       new MenteePaired(MENTOR, HubIds.pairingOf(applicationId), menteeId, applicationId, EARLIER));
    }

    private static HubGroupCreated group(UUID groupId, int maxSize) {
        return new HubGroupCreated(MENTOR, groupId, "Backend circle", "2026-Q4", TRACK, maxSize, MENTOR, EARLIER);
    }
}

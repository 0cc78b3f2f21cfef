package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.hub.PairSide;
import com.mrmentor.platform.shared.hub.ResolveSupportRequest;
import com.mrmentor.platform.shared.hub.SessionLogCompleted;
import com.mrmentor.platform.shared.hub.SessionLogHalfSubmitted;
import com.mrmentor.platform.shared.hub.SubmitSessionLogHalf;
import com.mrmentor.platform.shared.hub.SupportRequestResolved;
import com.mrmentor.platform.shared.hub.SupportRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.mrmentor.platform.command.hub.FakeHub.violation;
import static com.mrmentor.platform.shared.hub.PairSide.MENTEE;
import static com.mrmentor.platform.shared.hub.PairSide.MENTOR;

/** The two-sided session log's rules, given/when/then, with a fixed clock and an in-memory pairing directory. */
class SessionLogTest {

    private static final Instant NOW = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-10-04T18:00:00Z");
    private static final LocalDate DATE = LocalDate.of(2026, 10, 4);

    private static final UUID PAIRING = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID MENTOR_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID MENTEE_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID SECOND_REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000d2");

    private final FakeHub.Pairings pairings = new FakeHub.Pairings();
    private AggregateTestFixture<SessionLog> fixture;

    @BeforeEach
    void setUp() {
        pairings.add(PAIRING, MENTOR_ID, MENTEE_ID, true);
        fixture = newFixture();
    }

    /** A fixture holds one aggregate: logs of other pairings or dates need their own. */
    private AggregateTestFixture<SessionLog> newFixture() {
        AggregateTestFixture<SessionLog> fresh = new AggregateTestFixture<>(SessionLog.class);
        fresh.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fresh.registerInjectableResource(HubPolicy.defaults());
        fresh.registerInjectableResource(pairings);
        return fresh;
    }

    // ---- halves ----------------------------------------------------------------------------------------------

    @Test
    void theMentorSubmitsTheMentorsHalf() {
        fixture.givenNoPriorActivity()
               .when(submit(MENTOR_ID, " Code review ", 4, false, "ignored without the flag"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(half(MENTOR, "Code review", 4, false, null, false, NOW));
    }

    @Test
    void theSecondHalfCompletesTheLog() {
        fixture.given(half(MENTOR, "Code review", 4, false, null, false, EARLIER))
               .when(submit(MENTEE_ID, "Reviewing my PR", 5, false, null))
               .expectEvents(half(MENTEE, "Reviewing my PR", 5, false, null, false, NOW),
                             new SessionLogCompleted(PAIRING, DATE, MENTOR_ID, MENTEE_ID, NOW));
    }

    @Test
    void aSideCorrectsItsOwnHalfAndTheLogIsNotCompletedTwice() {
        fixture.given(half(MENTOR, "Code review", 4, false, null, false, EARLIER),
                      half(MENTEE, "Reviewing my PR", 5, false, null, false, EARLIER),
                      new SessionLogCompleted(PAIRING, DATE, MENTOR_ID, MENTEE_ID, EARLIER))
               .when(submit(MENTEE_ID, "Reviewing my PR and tests", 3, false, null))
               .expectEvents(half(MENTEE, "Reviewing my PR and tests", 3, false, null, true, NOW));
    }

    @Test
    void aCorrectionBeforeTheOtherHalfDoesNotComplete() {
        fixture.given(half(MENTOR, "Code review", 4, false, null, false, EARLIER))
               .when(submit(MENTOR_ID, "Code review", 3, false, null))
               .expectEvents(half(MENTOR, "Code review", 3, false, null, true, NOW));
    }

    @Test
    void theSameHalfAgainRecordsNothing() {
        fixture.given(half(MENTEE, "Reviewing my PR", 5, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER))
               .when(submit(MENTEE_ID, "Reviewing my PR", 5, true, "stuck"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyThePairingsMentorAndMenteeLog() {
        fixture.givenNoPriorActivity()
               .when(submit(STRANGER, "Anything", 3, false, null))
               .expectNoEvents()
               .expectException(violation("not-in-pairing"));
        newFixture().givenNoPriorActivity()
               .when(new SubmitSessionLogHalf(UUID.randomUUID(), DATE, MENTOR_ID, "Anything", 3, false, null,
                                              REQUEST))
               .expectException(violation("pairing-not-found"));
    }

    @Test
    void anEndedPairingLogsNoMore() {
        pairings.add(PAIRING, MENTOR_ID, MENTEE_ID, false);
        fixture.givenNoPriorActivity()
               .when(submit(MENTEE_ID, "Anything", 3, false, null))
               .expectException(violation("pairing-ended"));
    }

    @ParameterizedTest(name = "score {0}")
    @ValueSource(ints = {0, 6, -1})
    void scoresOutsideOneToFiveAreRefused(int score) {
        fixture.givenNoPriorActivity()
               .when(submit(MENTOR_ID, "Code review", score, false, null))
               .expectNoEvents()
               .expectException(violation("invalid-score"));
    }

    @Test
    void topicAndScoreAreRequired() {
        fixture.givenNoPriorActivity()
               .when(submit(MENTOR_ID, "  ", 3, false, null))
               .expectException(violation("missing-topic"));
        fixture.givenNoPriorActivity()
               .when(new SubmitSessionLogHalf(PAIRING, DATE, MENTOR_ID, "Code review", null, false, null, REQUEST))
               .expectException(violation("missing-score"));
    }

    @Test
    void futureAndTooOldDatesAreRefused() {
        newFixture().givenNoPriorActivity()
               .when(new SubmitSessionLogHalf(PAIRING, LocalDate.of(2026, 10, 7), MENTOR_ID, "Later", 3, false, null,
                                              REQUEST))
               .expectException(violation("invalid-session-date"));
        newFixture().givenNoPriorActivity()
               .when(new SubmitSessionLogHalf(PAIRING, LocalDate.of(2025, 10, 4), MENTOR_ID, "Long ago", 3, false,
                                              null, REQUEST))
               .expectException(violation("invalid-session-date"));
        newFixture().givenNoPriorActivity()
               .when(new SubmitSessionLogHalf(PAIRING, LocalDate.of(2026, 10, 6), MENTOR_ID, "Tomorrow in Asia", 3,
                                              false, null, REQUEST))
               .expectSuccessfulHandlerExecution();
    }

    // ---- needs support ---------------------------------------------------------------------------------------

    @Test
    void aFlaggedHalfNeedsAReason() {
        fixture.givenNoPriorActivity()
               .when(submit(MENTEE_ID, "Reviewing my PR", 2, true, " "))
               .expectNoEvents()
               .expectException(violation("missing-support-reason"));
    }

    @Test
    void aFlaggedHalfRaisesASupportRequest() {
        fixture.givenNoPriorActivity()
               .when(submit(MENTEE_ID, "Reviewing my PR", 2, true, " My mentor keeps cancelling "))
               .expectEvents(half(MENTEE, "Reviewing my PR", 2, true, "My mentor keeps cancelling", false, NOW),
                             support(REQUEST, MENTEE, "My mentor keeps cancelling", NOW));
    }

    @Test
    void anOpenRequestOfTheSideIsNotRaisedAgainButTheOtherSideRaisesItsOwn() {
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER))
               .when(new SubmitSessionLogHalf(PAIRING, DATE, MENTEE_ID, "Reviewing my PR", 2, true, "very stuck",
                                              SECOND_REQUEST))
               .expectEvents(half(MENTEE, "Reviewing my PR", 2, true, "very stuck", true, NOW));
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER))
               .when(new SubmitSessionLogHalf(PAIRING, DATE, MENTOR_ID, "Code review", 3, true, "mentee absent",
                                              SECOND_REQUEST))
               .expectEvents(half(MENTOR, "Code review", 3, true, "mentee absent", false, NOW),
                             new SessionLogCompleted(PAIRING, DATE, MENTOR_ID, MENTEE_ID, NOW),
                             new SupportRequested(PAIRING, DATE, SECOND_REQUEST, MENTOR_ID, MENTEE_ID, MENTOR,
                                                  MENTOR_ID, "mentee absent", NOW));
    }

    @Test
    void aNewReasonAfterResolutionRaisesANewRequestTheSameReasonDoesNot() {
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER),
                      new SupportRequestResolved(PAIRING, DATE, REQUEST, MENTEE_ID, ADMIN, null, EARLIER))
               .when(new SubmitSessionLogHalf(PAIRING, DATE, MENTEE_ID, "Reviewing my PR", 2, true, "stuck again",
                                              SECOND_REQUEST))
               .expectEvents(half(MENTEE, "Reviewing my PR", 2, true, "stuck again", true, NOW),
                             new SupportRequested(PAIRING, DATE, SECOND_REQUEST, MENTOR_ID, MENTEE_ID, MENTEE,
                                                  MENTEE_ID, "stuck again", NOW));
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER),
                      new SupportRequestResolved(PAIRING, DATE, REQUEST, MENTEE_ID, ADMIN, null, EARLIER))
               .when(new SubmitSessionLogHalf(PAIRING, DATE, MENTEE_ID, "Reviewing PRs", 2, true, "stuck",
                                              SECOND_REQUEST))
               .expectEvents(half(MENTEE, "Reviewing PRs", 2, true, "stuck", true, NOW));
    }

    @Test
    void anAdministratorResolvesARequestOnce() {
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER))
               .when(new ResolveSupportRequest(PAIRING, DATE, REQUEST, ADMIN, " called both "))
               .expectEvents(new SupportRequestResolved(PAIRING, DATE, REQUEST, MENTEE_ID, ADMIN, "called both",
                                                        NOW));
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER),
                      new SupportRequestResolved(PAIRING, DATE, REQUEST, MENTEE_ID, ADMIN, null, EARLIER))
               .when(new ResolveSupportRequest(PAIRING, DATE, REQUEST, ADMIN, null))
               .expectNoEvents()
               .expectException(violation("support-request-resolved"));
        fixture.given(half(MENTEE, "Reviewing my PR", 2, true, "stuck", false, EARLIER),
                      support(REQUEST, MENTEE, "stuck", EARLIER))
               .when(new ResolveSupportRequest(PAIRING, DATE, SECOND_REQUEST, ADMIN, null))
               .expectException(violation("support-request-not-found"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static SubmitSessionLogHalf submit(UUID author, String topic, int score, boolean needsSupport,
                                               String reason) {
        return new SubmitSessionLogHalf(PAIRING, DATE, author, topic, score, needsSupport, reason, REQUEST);
    }

    private static SessionLogHalfSubmitted half(PairSide side, String topic, int score, boolean needsSupport,
                                                String reason, boolean correction, Instant at) {
        return new SessionLogHalfSubmitted(PAIRING, DATE, MENTOR_ID, MENTEE_ID, side,
                                           side == MENTOR ? MENTOR_ID : MENTEE_ID, topic, score, needsSupport, reason,
                                           correction, at);
    }

    private static SupportRequested support(UUID requestId, PairSide side, String reason, Instant at) {
        return new SupportRequested(PAIRING, DATE, requestId, MENTOR_ID, MENTEE_ID, side,
                                    side == MENTOR ? MENTOR_ID : MENTEE_ID, reason, at);
    }
}

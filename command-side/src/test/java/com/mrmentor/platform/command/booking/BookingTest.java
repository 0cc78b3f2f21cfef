package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.booking.AcceptBooking;
import com.mrmentor.platform.shared.booking.AutoCompleteBooking;
import com.mrmentor.platform.shared.booking.BookingCancelled;
import com.mrmentor.platform.shared.booking.BookingCompleted;
import com.mrmentor.platform.shared.booking.BookingConfirmed;
import com.mrmentor.platform.shared.booking.BookingDeclined;
import com.mrmentor.platform.shared.booking.BookingJoined;
import com.mrmentor.platform.shared.booking.BookingNoShowMarked;
import com.mrmentor.platform.shared.booking.BookingParty;
import com.mrmentor.platform.shared.booking.BookingRequestExpired;
import com.mrmentor.platform.shared.booking.BookingRequested;
import com.mrmentor.platform.shared.booking.BookingRescheduled;
import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.CancelBooking;
import com.mrmentor.platform.shared.booking.CompleteBooking;
import com.mrmentor.platform.shared.booking.DeclineBooking;
import com.mrmentor.platform.shared.booking.ExpireBookingRequest;
import com.mrmentor.platform.shared.booking.JoinBooking;
import com.mrmentor.platform.shared.booking.KeepMentorNote;
import com.mrmentor.platform.shared.booking.MarkNoShow;
import com.mrmentor.platform.shared.booking.MentorNoteKept;
import com.mrmentor.platform.shared.booking.RateSession;
import com.mrmentor.platform.shared.booking.RecordBookingSettlement;
import com.mrmentor.platform.shared.booking.SessionExperience;
import com.mrmentor.platform.shared.booking.SessionRated;
import com.mrmentor.platform.shared.booking.TokenOutcome;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mrmentor.platform.command.booking.Violations.violation;

/**
 * The booking aggregate's rules, given/when/then. A booking is opened by {@link BookingWorkflow}, so every test
 * starts from its {@link BookingRequested} event; the clock is set by hand before each command.
 */
class BookingTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant START = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final Instant RESPOND_BY = REQUESTED_AT.plus(Duration.ofHours(48));
    private static final Instant HOLD_EXPIRY = END.plus(Duration.ofHours(2)).plus(Duration.ofDays(7));
    private static final Instant CONFIRMED_AT = REQUESTED_AT.plus(Duration.ofHours(3));

    private static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID STUDENT = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-000000000666");
    private static final UUID HOLD = UUID.fromString("00000000-0000-0000-0000-000000000401");
    private static final UUID OTHER_HOLD = UUID.fromString("00000000-0000-0000-0000-000000000402");
    private static final UUID NOTE = UUID.fromString("00000000-0000-0000-0000-0000000000a0");

    private static final String TOPIC = "Preparing a system design interview";
    private static final String ZONE = "Europe/Berlin";
    private static final long PRICE = 7;
    private static final int BUFFER = 10;

    /** Always the same room for the same session, so the expected events can name it. */
    private static final MeetingRooms ROOMS = (bookingId, start, end) ->
            "https://meet.test/" + bookingId + "/" + start.getEpochSecond() + "-" + end.getEpochSecond();
    private static final String URL = ROOMS.roomFor(BOOKING, START, END);

    private final MutableClock clock = new MutableClock(REQUESTED_AT);
    private AggregateTestFixture<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(BookingPolicy.defaults());
        fixture.registerInjectableResource(ROOMS);
    }

    // ---- the mentor's answer -------------------------------------------------------------------------------------

    @Nested
    class Accepting {

        @Test
        void theMentorConfirmsARequestWithAMeetingRoomAndTheFirstInvitationSequence() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new BookingConfirmed(BOOKING, STUDENT, MENTOR, START, END, URL, 0, CONFIRMED_AT))
                   .expectResultMessagePayload(URL);
        }

        @Test
        void aMovedRequestGetsTheRoomOfItsNewTime() {
            Instant newStart = START.plus(Duration.ofDays(1));
            Instant newEnd = newStart.plus(Duration.ofMinutes(30));
            String room = ROOMS.roomFor(BOOKING, newStart, newEnd);
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), rescheduled(BookingStatus.REQUESTED, newStart, RESPOND_BY, 0))
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectEvents(new BookingConfirmed(BOOKING, STUDENT, MENTOR, newStart, newEnd, room, 0,
                                                      CONFIRMED_AT));
        }

        @Test
        void theStudentCannotAccept() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new AcceptBooking(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("mentor-only", Kind.FORBIDDEN));
        }

        @Test
        void aStrangerCannotAccept() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new AcceptBooking(BOOKING, STRANGER))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }

        @Test
        void aConfirmedBookingCannotBeAcceptedAgain() {
            clock.set(CONFIRMED_AT.plusSeconds(60));
            fixture.given(requested(), confirmed())
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-not-accepted", Kind.CONFLICT));
        }

        @Test
        void aDeclinedRequestCannotBeAccepted() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), declined())
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-not-accepted", Kind.CONFLICT));
        }

        @Test
        void aRequestCanBeAcceptedUntilJustBeforeItsRespondByTime() {
            clock.set(RESPOND_BY.minusMillis(1));
            fixture.given(requested())
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectEvents(new BookingConfirmed(BOOKING, STUDENT, MENTOR, START, END, URL, 0,
                                                      RESPOND_BY.minusMillis(1)));
        }

        @Test
        void acceptingAtTheRespondByTimeIsRefusedEvenIfTheExpiryHasNotArrived() {
            clock.set(RESPOND_BY);
            fixture.given(requested())
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-request-expired", Kind.CONFLICT));
        }

        @Test
        void acceptingAfterTheRespondByTimeIsRefused() {
            clock.set(RESPOND_BY.plus(Duration.ofHours(1)));
            fixture.given(requested())
                   .when(new AcceptBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-request-expired", Kind.CONFLICT));
        }
    }

    @Nested
    class Declining {

        @Test
        void theMentorDeclinesWithATrimmedReason() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new DeclineBooking(BOOKING, MENTOR, "  I am travelling that week "))
                   .expectEvents(new BookingDeclined(BOOKING, STUDENT, MENTOR, "I am travelling that week",
                                                     CONFIRMED_AT));
        }

        @ParameterizedTest(name = "reason \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aReasonIsRequired(String reason) {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new DeclineBooking(BOOKING, MENTOR, reason))
                   .expectNoEvents()
                   .expectException(violation("missing-reason", Kind.UNPROCESSABLE));
        }

        @Test
        void theStudentCannotDecline() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new DeclineBooking(BOOKING, STUDENT, "changed my mind"))
                   .expectNoEvents()
                   .expectException(violation("mentor-only", Kind.FORBIDDEN));
        }

        @Test
        void aStrangerCannotDecline() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested())
                   .when(new DeclineBooking(BOOKING, STRANGER, "no"))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }

        @Test
        void aRequestPastItsAnswerTimeCannotBeDeclinedItExpires() {
            clock.set(RESPOND_BY);
            fixture.given(requested())
                   .when(new DeclineBooking(BOOKING, MENTOR, "too late to say"))
                   .expectNoEvents()
                   .expectException(violation("booking-request-expired", Kind.CONFLICT));
        }

        @Test
        void aConfirmedBookingCannotBeDeclined() {
            clock.set(CONFIRMED_AT.plusSeconds(60));
            fixture.given(requested(), confirmed())
                   .when(new DeclineBooking(BOOKING, MENTOR, "after all, no"))
                   .expectNoEvents()
                   .expectException(violation("booking-not-declined", Kind.CONFLICT));
        }
    }

    @Nested
    class ExpiringARequest {

        @Test
        void anUnansweredRequestExpiresAtItsRespondByTime() {
            clock.set(RESPOND_BY);
            fixture.given(requested())
                   .when(new ExpireBookingRequest(BOOKING))
                   .expectEvents(new BookingRequestExpired(BOOKING, STUDENT, MENTOR, RESPOND_BY));
        }

        @Test
        void aLateDeadlineStillExpiresAnUnansweredRequest() {
            clock.set(RESPOND_BY.plus(Duration.ofMinutes(5)));
            fixture.given(requested())
                   .when(new ExpireBookingRequest(BOOKING))
                   .expectEvents(new BookingRequestExpired(BOOKING, STUDENT, MENTOR,
                                                           RESPOND_BY.plus(Duration.ofMinutes(5))));
        }

        @Test
        void anEarlyDeadlineChangesNothing() {
            clock.set(RESPOND_BY.minusSeconds(1));
            fixture.given(requested())
                   .when(new ExpireBookingRequest(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aConfirmedBookingDoesNotExpire() {
            clock.set(RESPOND_BY.plus(Duration.ofHours(1)));
            fixture.given(requested(), confirmed())
                   .when(new ExpireBookingRequest(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aDeclinedRequestDoesNotExpire() {
            clock.set(RESPOND_BY.plus(Duration.ofHours(1)));
            fixture.given(requested(), declined())
                   .when(new ExpireBookingRequest(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anExpiredRequestDoesNotExpireTwice() {
            clock.set(RESPOND_BY.plus(Duration.ofHours(1)));
            fixture.given(requested(), new BookingRequestExpired(BOOKING, STUDENT, MENTOR, RESPOND_BY))
                   .when(new ExpireBookingRequest(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }

    // ---- changes of plan -----------------------------------------------------------------------------------------

    @Nested
    class Cancelling {

        @Test
        void aStudentCancellingAConfirmedSessionExactly48HoursAheadGetsTheTokensBack() {
            Instant at = START.minus(Duration.ofHours(48));
            clock.set(at);
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, STUDENT, " exam moved "))
                   .expectEvents(cancelled(STUDENT, BookingParty.STUDENT, "exam moved", BookingStatus.CONFIRMED,
                                           false, TokenOutcome.RELEASE, 1, at));
        }

        @Test
        void aStudentCancellingAConfirmedSessionLessThan48HoursAheadLosesTheTokens() {
            Instant at = START.minus(Duration.ofHours(48)).plusSeconds(1);
            clock.set(at);
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, STUDENT, "exam moved"))
                   .expectEvents(cancelled(STUDENT, BookingParty.STUDENT, "exam moved", BookingStatus.CONFIRMED,
                                           true, TokenOutcome.CAPTURE, 1, at));
        }

        @Test
        void aStudentWithdrawingAnUnansweredRequestGetsTheTokensBackEvenShortlyBeforeTheStart() {
            Instant at = START.minus(Duration.ofMinutes(30));
            clock.set(at);
            fixture.given(requested())
                   .when(new CancelBooking(BOOKING, STUDENT, "found help elsewhere"))
                   .expectEvents(cancelled(STUDENT, BookingParty.STUDENT, "found help elsewhere",
                                           BookingStatus.REQUESTED, false, TokenOutcome.RELEASE, 0, at));
        }

        @Test
        void aMentorCancellingShortlyBeforeTheStartNeverCostsTheStudent() {
            Instant at = START.minus(Duration.ofHours(1));
            clock.set(at);
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, MENTOR, "sick"))
                   .expectEvents(cancelled(MENTOR, BookingParty.MENTOR, "sick", BookingStatus.CONFIRMED, false,
                                           TokenOutcome.RELEASE, 1, at));
        }

        @Test
        void aMentorWithdrawingARequestKeepsTheSequence() {
            Instant at = CONFIRMED_AT;
            clock.set(at);
            fixture.given(requested())
                   .when(new CancelBooking(BOOKING, MENTOR, "cannot make it"))
                   .expectEvents(cancelled(MENTOR, BookingParty.MENTOR, "cannot make it", BookingStatus.REQUESTED,
                                           false, TokenOutcome.RELEASE, 0, at));
        }

        @Test
        void cancellingAMovedConfirmedSessionBumpsTheMovedSequence() {
            Instant newStart = START.plus(Duration.ofDays(1));
            Instant at = START;
            clock.set(at);
            fixture.given(requested(), confirmed(), rescheduled(BookingStatus.CONFIRMED, newStart, RESPOND_BY, 1))
                   .when(new CancelBooking(BOOKING, MENTOR, "sick"))
                   .expectEvents(new BookingCancelled(BOOKING, STUDENT, MENTOR, MENTOR, BookingParty.MENTOR, "sick",
                                                      BookingStatus.CONFIRMED, false, TokenOutcome.RELEASE,
                                                      newStart, 2, at));
        }

        @Test
        void cancellingAtTheStartIsRefused() {
            clock.set(START);
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, STUDENT, "too late"))
                   .expectNoEvents()
                   .expectException(violation("session-started", Kind.CONFLICT));
        }

        @Test
        void cancellingAfterTheStartIsRefused() {
            clock.set(START.plus(Duration.ofMinutes(5)));
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, MENTOR, "too late"))
                   .expectNoEvents()
                   .expectException(violation("session-started", Kind.CONFLICT));
        }

        @Test
        void aFinalBookingCannotBeCancelled() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), declined())
                   .when(new CancelBooking(BOOKING, STUDENT, "never mind"))
                   .expectNoEvents()
                   .expectException(violation("booking-not-cancelled", Kind.CONFLICT));
        }

        @Test
        void aCancelledBookingCannotBeCancelledAgain() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), cancelled(STUDENT, BookingParty.STUDENT, "x", BookingStatus.REQUESTED, false,
                                                 TokenOutcome.RELEASE, 0, CONFIRMED_AT))
                   .when(new CancelBooking(BOOKING, MENTOR, "again"))
                   .expectNoEvents()
                   .expectException(violation("booking-not-cancelled", Kind.CONFLICT));
        }

        @Test
        void aStrangerCannotCancel() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, STRANGER, "mischief"))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }

        @ParameterizedTest(name = "reason \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aReasonIsRequired(String reason) {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new CancelBooking(BOOKING, STUDENT, reason))
                   .expectNoEvents()
                   .expectException(violation("missing-reason", Kind.UNPROCESSABLE));
        }
    }

    // ---- the session ---------------------------------------------------------------------------------------------

    @Nested
    class Joining {

        @Test
        void joiningOpensFifteenMinutesBeforeTheStart() {
            Instant at = START.minus(Duration.ofMinutes(15));
            clock.set(at);
            fixture.given(requested(), confirmed())
                   .when(new JoinBooking(BOOKING, STUDENT))
                   .expectEvents(new BookingJoined(BOOKING, STUDENT, BookingParty.STUDENT, at))
                   .expectResultMessagePayload(new Booking.JoinResult(URL, BookingParty.STUDENT, at));
        }

        @Test
        void joiningEarlierIsRefused() {
            clock.set(START.minus(Duration.ofMinutes(15)).minusSeconds(1));
            fixture.given(requested(), confirmed())
                   .when(new JoinBooking(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("session-not-joinable", Kind.CONFLICT));
        }

        @Test
        void theMentorCanJoinUntilJustBeforeTheEnd() {
            Instant at = END.minusSeconds(1);
            clock.set(at);
            fixture.given(requested(), confirmed())
                   .when(new JoinBooking(BOOKING, MENTOR))
                   .expectEvents(new BookingJoined(BOOKING, MENTOR, BookingParty.MENTOR, at))
                   .expectResultMessagePayload(new Booking.JoinResult(URL, BookingParty.MENTOR, at));
        }

        @Test
        void joiningAtTheEndIsRefused() {
            clock.set(END);
            fixture.given(requested(), confirmed())
                   .when(new JoinBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("session-not-joinable", Kind.CONFLICT));
        }

        @Test
        void joiningAgainRecordsNothingAndAnswersTheFirstJoinTime() {
            Instant first = START.minus(Duration.ofMinutes(5));
            clock.set(START.plus(Duration.ofMinutes(3)));
            fixture.given(requested(), confirmed(), new BookingJoined(BOOKING, STUDENT, BookingParty.STUDENT, first))
                   .when(new JoinBooking(BOOKING, STUDENT))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new Booking.JoinResult(URL, BookingParty.STUDENT, first));
        }

        @Test
        void theOtherPartysJoinDoesNotCountAsOnesOwn() {
            Instant at = START.plus(Duration.ofMinutes(1));
            clock.set(at);
            fixture.given(requested(), confirmed(),
                          new BookingJoined(BOOKING, STUDENT, BookingParty.STUDENT, START.minusSeconds(60)))
                   .when(new JoinBooking(BOOKING, MENTOR))
                   .expectEvents(new BookingJoined(BOOKING, MENTOR, BookingParty.MENTOR, at));
        }

        @Test
        void anUnconfirmedRequestCannotBeJoined() {
            clock.set(START);
            fixture.given(requested())
                   .when(new JoinBooking(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("session-not-joinable", Kind.CONFLICT));
        }

        @Test
        void aStrangerCannotJoin() {
            clock.set(START);
            fixture.given(requested(), confirmed())
                   .when(new JoinBooking(BOOKING, STRANGER))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }
    }

    @Nested
    class Completing {

        @Test
        void theMentorCompletesASessionOnceItStarted() {
            Instant studentJoined = START.minusSeconds(30);
            Instant mentorJoined = START.minusSeconds(60);
            clock.set(START);
            fixture.given(requested(), confirmed(),
                          new BookingJoined(BOOKING, MENTOR, BookingParty.MENTOR, mentorJoined),
                          new BookingJoined(BOOKING, STUDENT, BookingParty.STUDENT, studentJoined))
                   .when(new CompleteBooking(BOOKING, MENTOR))
                   .expectEvents(new BookingCompleted(BOOKING, STUDENT, MENTOR, START, END, PRICE, MENTOR, false,
                                                      studentJoined, mentorJoined, START));
        }

        @Test
        void completingBeforeTheStartIsRefused() {
            clock.set(START.minusSeconds(1));
            fixture.given(requested(), confirmed())
                   .when(new CompleteBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("session-not-started", Kind.CONFLICT));
        }

        @Test
        void theStudentCannotComplete() {
            clock.set(END);
            fixture.given(requested(), confirmed())
                   .when(new CompleteBooking(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("mentor-only", Kind.FORBIDDEN));
        }

        @Test
        void aStrangerCannotComplete() {
            clock.set(END);
            fixture.given(requested(), confirmed())
                   .when(new CompleteBooking(BOOKING, STRANGER))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }

        @Test
        void anUnconfirmedRequestCannotBeCompleted() {
            clock.set(END);
            fixture.given(requested())
                   .when(new CompleteBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-not-completed", Kind.CONFLICT));
        }

        @Test
        void aCancelledBookingCannotBeCompleted() {
            clock.set(END);
            fixture.given(requested(), confirmed(),
                          cancelled(MENTOR, BookingParty.MENTOR, "sick", BookingStatus.CONFIRMED, false,
                                    TokenOutcome.RELEASE, 1, CONFIRMED_AT))
                   .when(new CompleteBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-not-completed", Kind.CONFLICT));
        }

        @Test
        void aCompletedSessionCannotBeCompletedAgain() {
            clock.set(END.plus(Duration.ofHours(1)));
            fixture.given(requested(), confirmed(), completedByMentor(END))
                   .when(new CompleteBooking(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("booking-not-completed", Kind.CONFLICT));
        }
    }

    @Nested
    class AutoCompleting {

        @Test
        void aConfirmedSessionIsCompletedTwoHoursAfterItsEnd() {
            Instant at = END.plus(Duration.ofHours(2));
            clock.set(at);
            fixture.given(requested(), confirmed())
                   .when(new AutoCompleteBooking(BOOKING))
                   .expectEvents(new BookingCompleted(BOOKING, STUDENT, MENTOR, START, END, PRICE, null, true, null,
                                                      null, at));
        }

        @Test
        void anEarlyDeadlineChangesNothing() {
            clock.set(END.plus(Duration.ofHours(2)).minusSeconds(1));
            fixture.given(requested(), confirmed())
                   .when(new AutoCompleteBooking(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aMovedSessionIsNotCompletedAfterItsOldEnd() {
            Instant newStart = START.plus(Duration.ofDays(1));
            clock.set(END.plus(Duration.ofHours(3)));
            fixture.given(requested(), confirmed(), rescheduled(BookingStatus.CONFIRMED, newStart, RESPOND_BY, 1))
                   .when(new AutoCompleteBooking(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anUnconfirmedRequestIsNeverAutoCompleted() {
            clock.set(END.plus(Duration.ofDays(1)));
            fixture.given(requested())
                   .when(new AutoCompleteBooking(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aSessionTheMentorCompletedIsLeftAlone() {
            clock.set(END.plus(Duration.ofHours(2)));
            fixture.given(requested(), confirmed(), completedByMentor(END))
                   .when(new AutoCompleteBooking(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aNoShowIsLeftAlone() {
            clock.set(END.plus(Duration.ofHours(2)));
            fixture.given(requested(), confirmed(), noShow(BookingParty.STUDENT, MENTOR, TokenOutcome.CAPTURE))
                   .when(new AutoCompleteBooking(BOOKING))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }

    @Nested
    class NoShows {

        private final Instant tenAfter = START.plus(Duration.ofMinutes(10));

        @Test
        void anAbsentStudentCostsTheTokens() {
            clock.set(tenAfter);
            fixture.given(requested(), confirmed(), new BookingJoined(BOOKING, MENTOR, BookingParty.MENTOR, START))
                   .when(new MarkNoShow(BOOKING, MENTOR))
                   .expectEvents(new BookingNoShowMarked(BOOKING, STUDENT, MENTOR, BookingParty.STUDENT, MENTOR,
                                                         TokenOutcome.CAPTURE, START, tenAfter));
        }

        @Test
        void anAbsentMentorGivesTheTokensBack() {
            clock.set(tenAfter);
            fixture.given(requested(), confirmed())
                   .when(new MarkNoShow(BOOKING, STUDENT))
                   .expectEvents(new BookingNoShowMarked(BOOKING, STUDENT, MENTOR, BookingParty.MENTOR, STUDENT,
                                                         TokenOutcome.RELEASE, START, tenAfter));
        }

        @Test
        void reportingBeforeTenMinutesAfterTheStartIsRefused() {
            clock.set(tenAfter.minusSeconds(1));
            fixture.given(requested(), confirmed())
                   .when(new MarkNoShow(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("no-show-too-early", Kind.CONFLICT));
        }

        @Test
        void aStudentWhoJoinedCannotBeReportedAbsent() {
            clock.set(tenAfter);
            fixture.given(requested(), confirmed(),
                          new BookingJoined(BOOKING, STUDENT, BookingParty.STUDENT, START.plusSeconds(90)))
                   .when(new MarkNoShow(BOOKING, MENTOR))
                   .expectNoEvents()
                   .expectException(violation("party-joined", Kind.CONFLICT));
        }

        @Test
        void aMentorWhoJoinedCannotBeReportedAbsent() {
            clock.set(tenAfter);
            fixture.given(requested(), confirmed(),
                          new BookingJoined(BOOKING, MENTOR, BookingParty.MENTOR, START.minusSeconds(90)))
                   .when(new MarkNoShow(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("party-joined", Kind.CONFLICT));
        }

        @Test
        void anUnconfirmedRequestCannotBeAMarkedNoShow() {
            clock.set(tenAfter);
            fixture.given(requested())
                   .when(new MarkNoShow(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("booking-not-marked-as-a-no-show", Kind.CONFLICT));
        }

        @Test
        void aCompletedSessionCannotBeMarkedANoShow() {
            clock.set(END);
            fixture.given(requested(), confirmed(), completedByMentor(START.plus(Duration.ofMinutes(20))))
                   .when(new MarkNoShow(BOOKING, STUDENT))
                   .expectNoEvents()
                   .expectException(violation("booking-not-marked-as-a-no-show", Kind.CONFLICT));
        }

        @Test
        void aStrangerCannotReport() {
            clock.set(tenAfter);
            fixture.given(requested(), confirmed())
                   .when(new MarkNoShow(BOOKING, STRANGER))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }
    }

    // ---- settlement ----------------------------------------------------------------------------------------------

    @Nested
    class Settling {

        private final Instant settledAt = END.plus(Duration.ofHours(2)).plusSeconds(5);

        @Test
        void aCompletedSessionIsSettledWithTheCapturedTokens() {
            fixture.given(requested(), confirmed(), completedByMentor(END))
                   .when(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.CAPTURE, PRICE, settledAt))
                   .expectEvents(new BookingSettled(BOOKING, STUDENT, MENTOR, BookingStatus.COMPLETED, HOLD, PRICE,
                                                    PRICE, 0, START, END, settledAt));
        }

        @Test
        void aDeclinedRequestIsSettledWithTheReleasedTokens() {
            fixture.given(requested(), declined())
                   .when(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.RELEASE, PRICE, settledAt))
                   .expectEvents(new BookingSettled(BOOKING, STUDENT, MENTOR, BookingStatus.DECLINED, HOLD, PRICE, 0,
                                                    PRICE, START, END, settledAt));
        }

        @Test
        void aNoShowIsSettledAsTheLedgerResolvedIt() {
            fixture.given(requested(), confirmed(), noShow(BookingParty.MENTOR, STUDENT, TokenOutcome.RELEASE))
                   .when(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.RELEASE, PRICE, settledAt))
                   .expectEvents(new BookingSettled(BOOKING, STUDENT, MENTOR, BookingStatus.NO_SHOW, HOLD, PRICE, 0,
                                                    PRICE, START, END, settledAt));
        }

        @Test
        void aRequestedBookingCannotBeSettled() {
            fixture.given(requested())
                   .when(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.RELEASE, PRICE, settledAt))
                   .expectNoEvents()
                   .expectException(violation("booking-still-open", Kind.CONFLICT));
        }

        @Test
        void aConfirmedBookingCannotBeSettled() {
            fixture.given(requested(), confirmed())
                   .when(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.CAPTURE, PRICE, settledAt))
                   .expectNoEvents()
                   .expectException(violation("booking-still-open", Kind.CONFLICT));
        }

        @Test
        void aSecondSettlementChangesNothing() {
            fixture.given(requested(), confirmed(), completedByMentor(END),
                          new BookingSettled(BOOKING, STUDENT, MENTOR, BookingStatus.COMPLETED, HOLD, PRICE, PRICE, 0,
                                             START, END, settledAt))
                   .when(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.CAPTURE, PRICE,
                                                     settledAt.plusSeconds(60)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anotherHoldIsRefused() {
            fixture.given(requested(), confirmed(), completedByMentor(END))
                   .when(new RecordBookingSettlement(BOOKING, OTHER_HOLD, TokenOutcome.CAPTURE, PRICE, settledAt))
                   .expectNoEvents()
                   .expectException(violation("invalid-hold", Kind.UNPROCESSABLE));
        }
    }

    // ---- feedback and notes --------------------------------------------------------------------------------------

    @Nested
    class Rating {

        private final Instant completedAt = END.plus(Duration.ofMinutes(5));

        @Test
        void theStudentRatesACompletedSession() {
            Instant at = completedAt.plus(Duration.ofDays(1));
            clock.set(at);
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, 5, SessionExperience.EXCELLENT, true, "  very helpful "))
                   .expectEvents(new SessionRated(BOOKING, STUDENT, MENTOR, 5, SessionExperience.EXCELLENT, true,
                                                  "very helpful", at));
        }

        @Test
        void aBlankCommentIsLeftOut() {
            Instant at = completedAt.plus(Duration.ofDays(1));
            clock.set(at);
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, 1, SessionExperience.POOR, false, "   "))
                   .expectEvents(new SessionRated(BOOKING, STUDENT, MENTOR, 1, SessionExperience.POOR, false, null,
                                                  at));
        }

        @Test
        void aSessionCanBeRatedUntilFourteenDaysAfterItsCompletion() {
            Instant at = completedAt.plus(Duration.ofDays(14));
            clock.set(at);
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, 4, SessionExperience.GOOD, true, null))
                   .expectEvents(new SessionRated(BOOKING, STUDENT, MENTOR, 4, SessionExperience.GOOD, true, null,
                                                  at));
        }

        @Test
        void ratingLaterIsRefused() {
            clock.set(completedAt.plus(Duration.ofDays(14)).plusSeconds(1));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, 4, SessionExperience.GOOD, true, null))
                   .expectNoEvents()
                   .expectException(violation("feedback-window-closed", Kind.CONFLICT));
        }

        @Test
        void aSessionIsRatedOnce() {
            clock.set(completedAt.plus(Duration.ofDays(2)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt),
                          new SessionRated(BOOKING, STUDENT, MENTOR, 5, SessionExperience.EXCELLENT, true, null,
                                           completedAt.plus(Duration.ofDays(1))))
                   .when(new RateSession(BOOKING, STUDENT, 1, SessionExperience.POOR, false, "changed my mind"))
                   .expectNoEvents()
                   .expectException(violation("already-rated", Kind.CONFLICT));
        }

        @Test
        void theMentorCannotRate() {
            clock.set(completedAt.plus(Duration.ofDays(1)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, MENTOR, 5, SessionExperience.EXCELLENT, true, null))
                   .expectNoEvents()
                   .expectException(violation("student-only", Kind.FORBIDDEN));
        }

        @Test
        void aStrangerCannotRate() {
            clock.set(completedAt.plus(Duration.ofDays(1)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STRANGER, 1, SessionExperience.POOR, false, null))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }

        @Test
        void aConfirmedSessionCannotBeRatedYet() {
            clock.set(END);
            fixture.given(requested(), confirmed())
                   .when(new RateSession(BOOKING, STUDENT, 5, SessionExperience.EXCELLENT, true, null))
                   .expectNoEvents()
                   .expectException(violation("booking-not-rated", Kind.CONFLICT));
        }

        @Test
        void aNoShowCannotBeRated() {
            clock.set(END);
            fixture.given(requested(), confirmed(), noShow(BookingParty.MENTOR, STUDENT, TokenOutcome.RELEASE))
                   .when(new RateSession(BOOKING, STUDENT, 1, SessionExperience.POOR, false, null))
                   .expectNoEvents()
                   .expectException(violation("booking-not-rated", Kind.CONFLICT));
        }

        @ParameterizedTest(name = "{0} stars")
        @ValueSource(ints = {0, 6, -1})
        void starsAreOneToFive(int stars) {
            clock.set(completedAt.plus(Duration.ofDays(1)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, stars, SessionExperience.GOOD, true, null))
                   .expectNoEvents()
                   .expectException(violation("invalid-stars", Kind.UNPROCESSABLE));
        }

        @Test
        void starsAreRequired() {
            clock.set(completedAt.plus(Duration.ofDays(1)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, null, SessionExperience.GOOD, true, null))
                   .expectNoEvents()
                   .expectException(violation("invalid-stars", Kind.UNPROCESSABLE));
        }

        @Test
        void theExperienceIsRequired() {
            clock.set(completedAt.plus(Duration.ofDays(1)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, 3, null, true, null))
                   .expectNoEvents()
                   .expectException(violation("missing-experience", Kind.UNPROCESSABLE));
        }

        @Test
        void whetherTheMentorWasOnTimeIsRequired() {
            clock.set(completedAt.plus(Duration.ofDays(1)));
            fixture.given(requested(), confirmed(), completedByMentor(completedAt))
                   .when(new RateSession(BOOKING, STUDENT, 3, SessionExperience.AVERAGE, null, null))
                   .expectNoEvents()
                   .expectException(violation("missing-mentor-on-time", Kind.UNPROCESSABLE));
        }
    }

    @Nested
    class MentorNotes {

        @Test
        void theMentorKeepsATrimmedNote() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new KeepMentorNote(BOOKING, MENTOR, NOTE, "  ask about the queue design \n"))
                   .expectEvents(new MentorNoteKept(BOOKING, MENTOR, NOTE, "ask about the queue design",
                                                    CONFIRMED_AT));
        }

        @Test
        void notesMayBeKeptAfterTheSessionEnded() {
            Instant at = END.plus(Duration.ofDays(3));
            clock.set(at);
            fixture.given(requested(), confirmed(), completedByMentor(END))
                   .when(new KeepMentorNote(BOOKING, MENTOR, NOTE, "follow up in a month"))
                   .expectEvents(new MentorNoteKept(BOOKING, MENTOR, NOTE, "follow up in a month", at));
        }

        @Test
        void theStudentCannotKeepMentorNotes() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new KeepMentorNote(BOOKING, STUDENT, NOTE, "hello"))
                   .expectNoEvents()
                   .expectException(violation("mentor-only", Kind.FORBIDDEN));
        }

        @Test
        void aStrangerCannotKeepNotes() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new KeepMentorNote(BOOKING, STRANGER, NOTE, "hello"))
                   .expectNoEvents()
                   .expectException(violation("not-your-booking", Kind.FORBIDDEN));
        }

        @ParameterizedTest(name = "text \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  \n "})
        void aTextIsRequired(String text) {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new KeepMentorNote(BOOKING, MENTOR, NOTE, text))
                   .expectNoEvents()
                   .expectException(violation("missing-text", Kind.UNPROCESSABLE));
        }

        @Test
        void aNoteIdIsRequired() {
            clock.set(CONFIRMED_AT);
            fixture.given(requested(), confirmed())
                   .when(new KeepMentorNote(BOOKING, MENTOR, null, "hello"))
                   .expectNoEvents()
                   .expectException(violation("missing-note-id", Kind.UNPROCESSABLE));
        }
    }

    // ---- events --------------------------------------------------------------------------------------------------

    private static BookingRequested requested() {
        return new BookingRequested(BOOKING, STUDENT, MENTOR, START, END, TOPIC, PRICE, HOLD, HOLD_EXPIRY, RESPOND_BY,
                                    ZONE, BUFFER, REQUESTED_AT);
    }

    private static BookingConfirmed confirmed() {
        return new BookingConfirmed(BOOKING, STUDENT, MENTOR, START, END, URL, 0, CONFIRMED_AT);
    }

    private static BookingDeclined declined() {
        return new BookingDeclined(BOOKING, STUDENT, MENTOR, "busy", CONFIRMED_AT);
    }

    private static BookingRescheduled rescheduled(BookingStatus status, Instant newStart, Instant respondBy,
                                                  int sequence) {
        Instant newEnd = newStart.plus(Duration.ofMinutes(30));
        return new BookingRescheduled(BOOKING, STUDENT, MENTOR, STUDENT, BookingParty.STUDENT, START, newStart,
                                      newEnd, status, respondBy, sequence, BUFFER,
                                      newEnd.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)), CONFIRMED_AT);
    }

    private static BookingCancelled cancelled(UUID by, BookingParty party, String reason, BookingStatus previous,
                                              boolean late, TokenOutcome outcome, int sequence, Instant at) {
        return new BookingCancelled(BOOKING, STUDENT, MENTOR, by, party, reason, previous, late, outcome, START,
                                    sequence, at);
    }

    private static BookingCompleted completedByMentor(Instant at) {
        return new BookingCompleted(BOOKING, STUDENT, MENTOR, START, END, PRICE, MENTOR, false, null, null, at);
    }

    private static BookingNoShowMarked noShow(BookingParty absent, UUID reportedBy, TokenOutcome outcome) {
        return new BookingNoShowMarked(BOOKING, STUDENT, MENTOR, absent, reportedBy, outcome, START,
                                       START.plus(Duration.ofMinutes(10)));
    }
}

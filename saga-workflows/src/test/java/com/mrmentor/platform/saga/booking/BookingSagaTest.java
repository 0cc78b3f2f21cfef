package com.mrmentor.platform.saga.booking;

import com.mrmentor.platform.saga.booking.BookingNotice.CalendarMethod;
import com.mrmentor.platform.saga.booking.BookingNotice.Kind;
import com.mrmentor.platform.shared.booking.AutoCompleteBooking;
import com.mrmentor.platform.shared.booking.BookingCancelled;
import com.mrmentor.platform.shared.booking.BookingCompleted;
import com.mrmentor.platform.shared.booking.BookingConfirmed;
import com.mrmentor.platform.shared.booking.BookingDeclined;
import com.mrmentor.platform.shared.booking.BookingIds;
import com.mrmentor.platform.shared.booking.BookingNoShowMarked;
import com.mrmentor.platform.shared.booking.BookingParty;
import com.mrmentor.platform.shared.booking.BookingRequestExpired;
import com.mrmentor.platform.shared.booking.BookingRequested;
import com.mrmentor.platform.shared.booking.BookingRescheduled;
import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.ExpireBookingRequest;
import com.mrmentor.platform.shared.booking.RecordBookingSettlement;
import com.mrmentor.platform.shared.booking.TokenOutcome;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.tokens.CaptureTokenHold;
import com.mrmentor.platform.shared.tokens.HoldReleaseReason;
import com.mrmentor.platform.shared.tokens.LotAllocation;
import com.mrmentor.platform.shared.tokens.ReleaseTokenHold;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenHoldCaptured;
import com.mrmentor.platform.shared.tokens.TokenHoldReleased;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The booking saga, path by path: which deadlines it keeps, which commands it sends and which e-mails it hands to
 * {@link BookingNotifications} (recorded here; only those of the "when" step are checked).
 */
class BookingSagaTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant START = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final Instant RESPOND_BY = NOW.plus(Duration.ofHours(48));
    private static final Instant CONFIRMED_AT = NOW.plus(Duration.ofHours(2));
    private static final Duration AUTO_COMPLETE_AFTER = Duration.ofHours(2);

    private static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID STUDENT = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID HOLD = UUID.fromString("00000000-0000-0000-0000-000000000401");
    private static final UUID OTHER_HOLD = UUID.fromString("00000000-0000-0000-0000-000000000402");
    private static final UUID GRANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String AGGREGATE = BookingIds.booking(BOOKING);
    private static final String WALLET = WalletIds.of(STUDENT);

    private static final String ZONE = "Europe/Berlin";
    private static final String URL = "https://meet.test/room-1";
    private static final long PRICE = 7;

    private final List<BookingNotice> notices = new ArrayList<>();
    private SagaTestFixture<BookingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingSaga.class);
        fixture.registerResource((BookingNotifications) notices::add);
        fixture.registerResource(new BookingSagaPolicy(AUTO_COMPLETE_AFTER));
        fixture.registerStartRecordingCallback(notices::clear); // what the "given" steps sent is not checked
    }

    // ---- waiting for the mentor ----------------------------------------------------------------------------------

    @Nested
    class Requested {

        @Test
        void aRequestStartsTheSagaWaitsForTheMentorAndTellsTheMentor() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .whenAggregate(AGGREGATE).publishes(requested())
                   .expectActiveSagas(1)
                   .expectAssociationWith("bookingId", BOOKING)
                   .expectAssociationWith("holdId", HOLD)
                   .expectScheduledDeadlineWithName(RESPOND_BY, BookingSaga.RESPONSE_DEADLINE)
                   .expectNoDispatchedCommands();
            assertThat(notices).containsExactly(
                    notice(Kind.REQUESTED, List.of(MENTOR), START, null, null, 0, null));
        }

        @Test
        void anUnansweredRequestIsExpiredAtTheRespondByTime() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenTimeAdvancesTo(RESPOND_BY)
                   .expectTriggeredDeadlinesWithName(BookingSaga.RESPONSE_DEADLINE)
                   .expectDispatchedCommands(new ExpireBookingRequest(BOOKING))
                   .expectDispatchedCommandsMatching(exactSequenceOf(sentBySystem()))
                   .expectActiveSagas(1);
            assertThat(notices).isEmpty();
        }

        @Test
        void nothingIsSentBeforeTheRespondByTime() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenTimeAdvancesTo(RESPOND_BY.minusSeconds(1))
                   .expectNoDispatchedCommands()
                   .expectScheduledDeadlineWithName(RESPOND_BY, BookingSaga.RESPONSE_DEADLINE);
        }

        @Test
        void movingARequestMovesTheResponseDeadlineAndTellsTheOtherParty() throws Exception {
            Instant newStart = NOW.plus(Duration.ofHours(30));
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(rescheduled(BookingStatus.REQUESTED, BookingParty.STUDENT,
                                                                    newStart, newStart, 0))
                   .expectNoScheduledDeadlineWithName(RESPOND_BY, BookingSaga.RESPONSE_DEADLINE)
                   .expectScheduledDeadlineWithName(newStart, BookingSaga.RESPONSE_DEADLINE)
                   .expectNoScheduledDeadlineWithName(newStart.minus(Duration.ofHours(1)),
                                                      BookingSaga.REMINDER_DEADLINE)
                   .expectNoDispatchedCommands();
            assertThat(notices).containsExactly(
                    moved(notice(Kind.RESCHEDULED, List.of(MENTOR), newStart, null, null, 0, null), 1));
        }

        @Test
        void aRequestMovedByTheMentorIsToldToTheStudent() throws Exception {
            Instant newStart = START.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(rescheduled(BookingStatus.REQUESTED, BookingParty.MENTOR,
                                                                    newStart, RESPOND_BY, 0))
                   .expectScheduledDeadlineWithName(RESPOND_BY, BookingSaga.RESPONSE_DEADLINE);
            assertThat(notices).containsExactly(
                    moved(notice(Kind.RESCHEDULED, List.of(STUDENT), newStart, null, null, 0, null), 1));
        }
    }

    // ---- the confirmed session -----------------------------------------------------------------------------------

    @Nested
    class Confirmed {

        @Test
        void confirmationStopsWaitingSchedulesRemindersAndAutoCompletionAndInvitesBoth() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(confirmed(CONFIRMED_AT))
                   .expectNoScheduledDeadlineWithName(RESPOND_BY, BookingSaga.RESPONSE_DEADLINE)
                   .expectScheduledDeadline(START.minus(Duration.ofHours(24)),
                                            new BookingReminderDue(Kind.REMINDER_24H, START))
                   .expectScheduledDeadline(START.minus(Duration.ofHours(1)),
                                            new BookingReminderDue(Kind.REMINDER_1H, START))
                   .expectScheduledDeadlineWithName(END.plus(AUTO_COMPLETE_AFTER), BookingSaga.AUTO_COMPLETE_DEADLINE)
                   .expectNoDispatchedCommands();
            assertThat(notices).containsExactly(
                    notice(Kind.CONFIRMED, List.of(STUDENT, MENTOR), START, URL, CalendarMethod.REQUEST, 0, null));
        }

        @Test
        void aReminderWhoseTimeHadPassedAtConfirmationIsSkipped() throws Exception {
            Instant confirmedAt = START.minus(Duration.ofHours(5));
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(confirmed(confirmedAt))
                   .expectNoScheduledDeadline(START.minus(Duration.ofHours(24)),
                                              new BookingReminderDue(Kind.REMINDER_24H, START))
                   .expectScheduledDeadline(START.minus(Duration.ofHours(1)),
                                            new BookingReminderDue(Kind.REMINDER_1H, START))
                   .expectScheduledDeadlineWithName(END.plus(AUTO_COMPLETE_AFTER), BookingSaga.AUTO_COMPLETE_DEADLINE);
        }

        @Test
        void aSessionConfirmedInItsLastHourGetsNoReminderButIsStillAutoCompleted() throws Exception {
            Instant confirmedAt = START.minus(Duration.ofHours(1));
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(confirmed(confirmedAt))
                   .expectNoScheduledDeadlineWithName(START.minus(Duration.ofHours(24)), BookingSaga.REMINDER_DEADLINE)
                   .expectNoScheduledDeadlineWithName(START.minus(Duration.ofHours(1)), BookingSaga.REMINDER_DEADLINE)
                   .expectScheduledDeadlineWithName(END.plus(AUTO_COMPLETE_AFTER), BookingSaga.AUTO_COMPLETE_DEADLINE);
        }

        @Test
        void theDayBeforeBothAreReminded() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .whenTimeAdvancesTo(START.minus(Duration.ofHours(24)))
                   .expectTriggeredDeadlines(new BookingReminderDue(Kind.REMINDER_24H, START))
                   .expectNoDispatchedCommands();
            assertThat(notices).containsExactly(
                    notice(Kind.REMINDER_24H, List.of(STUDENT, MENTOR), START, URL, null, 0, null));
        }

        @Test
        void anHourBeforeBothAreRemindedAgain() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(START.minus(Duration.ofHours(24)))
                   .whenTimeAdvancesTo(START.minus(Duration.ofHours(1)))
                   // the fixture counts the deadlines the "given" time advance triggered too
                   .expectTriggeredDeadlines(new BookingReminderDue(Kind.REMINDER_24H, START),
                                             new BookingReminderDue(Kind.REMINDER_1H, START));
            assertThat(notices).containsExactly(
                    notice(Kind.REMINDER_1H, List.of(STUDENT, MENTOR), START, URL, null, 0, null));
        }

        @Test
        void aSessionNobodyCompletedIsAutoCompletedAfterTheGracePeriod() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(END)
                   .whenTimeAdvancesTo(END.plus(AUTO_COMPLETE_AFTER))
                   // the fixture counts the reminders the "given" time advance triggered too
                   .expectTriggeredDeadlinesWithName(BookingSaga.REMINDER_DEADLINE, BookingSaga.REMINDER_DEADLINE,
                                                     BookingSaga.AUTO_COMPLETE_DEADLINE)
                   .expectDispatchedCommands(new AutoCompleteBooking(BOOKING))
                   .expectDispatchedCommandsMatching(exactSequenceOf(sentBySystem()));
        }

        @Test
        void movingAConfirmedSessionMovesItsDeadlinesAndUpdatesTheInvitation() throws Exception {
            Instant newStart = START.plus(Duration.ofDays(2));
            Instant newEnd = newStart.plus(Duration.ofMinutes(30));
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .whenAggregate(AGGREGATE).publishes(rescheduled(BookingStatus.CONFIRMED, BookingParty.MENTOR,
                                                                    newStart, RESPOND_BY, 1))
                   .expectNoScheduledDeadline(START.minus(Duration.ofHours(24)),
                                              new BookingReminderDue(Kind.REMINDER_24H, START))
                   .expectNoScheduledDeadline(START.minus(Duration.ofHours(1)),
                                              new BookingReminderDue(Kind.REMINDER_1H, START))
                   .expectNoScheduledDeadlineWithName(END.plus(AUTO_COMPLETE_AFTER),
                                                      BookingSaga.AUTO_COMPLETE_DEADLINE)
                   .expectScheduledDeadline(newStart.minus(Duration.ofHours(24)),
                                            new BookingReminderDue(Kind.REMINDER_24H, newStart))
                   .expectScheduledDeadline(newStart.minus(Duration.ofHours(1)),
                                            new BookingReminderDue(Kind.REMINDER_1H, newStart))
                   .expectScheduledDeadlineWithName(newEnd.plus(AUTO_COMPLETE_AFTER),
                                                    BookingSaga.AUTO_COMPLETE_DEADLINE)
                   .expectNoDispatchedCommands();
            assertThat(notices).containsExactly(
                    new BookingNotice(Kind.RESCHEDULED, BOOKING, List.of(STUDENT, MENTOR), STUDENT, MENTOR, newStart,
                                      newEnd, ZONE, URL, CalendarMethod.REQUEST, 1, 1, null));
        }

        @Test
        void afterAMoveTheRemindersComeForTheNewStartOnly() throws Exception {
            Instant newStart = START.plus(Duration.ofDays(2));
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT),
                                                          rescheduled(BookingStatus.CONFIRMED, BookingParty.STUDENT,
                                                                      newStart, RESPOND_BY, 1))
                   .whenTimeAdvancesTo(END.plus(AUTO_COMPLETE_AFTER))
                   .expectNoDispatchedCommands();
            assertThat(notices).isEmpty();
        }
    }

    // ---- endings -------------------------------------------------------------------------------------------------

    @Nested
    class Endings {

        @Test
        void aDeclinedRequestReleasesTheTokensAndTellsTheStudent() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(new BookingDeclined(BOOKING, STUDENT, MENTOR, "travelling",
                                                                           CONFIRMED_AT))
                   .expectDispatchedCommands(new ReleaseTokenHold(STUDENT, HOLD, null, "declined by the mentor"))
                   .expectDispatchedCommandsMatching(exactSequenceOf(sentBySystem()))
                   .expectNoScheduledDeadlines()
                   .expectActiveSagas(1); // until the ledger's answer is recorded
            assertThat(notices).containsExactly(
                    notice(Kind.DECLINED, List.of(STUDENT), START, null, null, 0, "travelling"));
        }

        @Test
        void anExpiredRequestReleasesTheTokensAndTellsBoth() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .andThenTimeAdvancesTo(RESPOND_BY)
                   .whenAggregate(AGGREGATE).publishes(new BookingRequestExpired(BOOKING, STUDENT, MENTOR,
                                                                                 RESPOND_BY))
                   .expectDispatchedCommands(new ReleaseTokenHold(STUDENT, HOLD, null,
                                                                  "the mentor did not answer in time"))
                   .expectNoScheduledDeadlines();
            assertThat(notices).containsExactly(
                    notice(Kind.EXPIRED, List.of(STUDENT, MENTOR), START, null, null, 0, null));
        }

        @Test
        void aFreeCancellationOfAConfirmedSessionReleasesTheTokensAndCancelsTheInvitation() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .whenAggregate(AGGREGATE).publishes(cancelled(BookingParty.STUDENT, BookingStatus.CONFIRMED, false,
                                                                  TokenOutcome.RELEASE, 1))
                   .expectDispatchedCommands(new ReleaseTokenHold(STUDENT, HOLD, null, "cancelled by the student"))
                   .expectNoScheduledDeadlines();
            assertThat(notices).containsExactly(
                    notice(Kind.CANCELLED, List.of(STUDENT, MENTOR), START, URL, CalendarMethod.CANCEL, 1, "plans"));
        }

        @Test
        void aWithdrawnRequestReleasesTheTokensWithoutACalendarEntry() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested())
                   .whenAggregate(AGGREGATE).publishes(cancelled(BookingParty.STUDENT, BookingStatus.REQUESTED, false,
                                                                  TokenOutcome.RELEASE, 0))
                   .expectDispatchedCommands(new ReleaseTokenHold(STUDENT, HOLD, null, "cancelled by the student"))
                   .expectNoScheduledDeadlines();
            assertThat(notices).containsExactly(
                    notice(Kind.CANCELLED, List.of(STUDENT, MENTOR), START, null, null, 0, "plans"));
        }

        @Test
        void aMentorsCancellationReleasesTheTokens() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .whenAggregate(AGGREGATE).publishes(cancelled(BookingParty.MENTOR, BookingStatus.CONFIRMED, false,
                                                                  TokenOutcome.RELEASE, 1))
                   .expectDispatchedCommands(new ReleaseTokenHold(STUDENT, HOLD, null, "cancelled by the mentor"));
        }

        @Test
        void aLateCancellationCapturesTheTokens() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .whenAggregate(AGGREGATE).publishes(cancelled(BookingParty.STUDENT, BookingStatus.CONFIRMED, true,
                                                                  TokenOutcome.CAPTURE, 1))
                   .expectDispatchedCommands(new CaptureTokenHold(STUDENT, HOLD, null))
                   .expectDispatchedCommandsMatching(exactSequenceOf(sentBySystem()))
                   .expectNoScheduledDeadlines();
        }

        @Test
        void aCompletedSessionCapturesTheTokensAndThanksTheStudent() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(END)
                   .whenAggregate(AGGREGATE).publishes(new BookingCompleted(BOOKING, STUDENT, MENTOR, START, END,
                                                                            PRICE, MENTOR, false, START, START, END))
                   .expectDispatchedCommands(new CaptureTokenHold(STUDENT, HOLD, null))
                   .expectNoScheduledDeadlines();
            assertThat(notices).containsExactly(
                    notice(Kind.COMPLETED, List.of(STUDENT), START, URL, null, 0, null));
        }

        @Test
        void anAbsentStudentCostsTheTokens() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(START.plus(Duration.ofMinutes(10)))
                   .whenAggregate(AGGREGATE).publishes(noShow(BookingParty.STUDENT, MENTOR, TokenOutcome.CAPTURE))
                   .expectDispatchedCommands(new CaptureTokenHold(STUDENT, HOLD, null))
                   .expectNoScheduledDeadlines();
            assertThat(notices).containsExactly(
                    notice(Kind.NO_SHOW, List.of(STUDENT, MENTOR), START, URL, null, 0, "STUDENT"));
        }

        @Test
        void anAbsentMentorGivesTheTokensBack() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(START.plus(Duration.ofMinutes(10)))
                   .whenAggregate(AGGREGATE).publishes(noShow(BookingParty.MENTOR, STUDENT, TokenOutcome.RELEASE))
                   .expectDispatchedCommands(new ReleaseTokenHold(STUDENT, HOLD, null, "the mentor did not come"))
                   .expectNoScheduledDeadlines();
        }

        @Test
        void afterAnEndingNoReminderAndNoAutoCompletionComes() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT),
                                                          cancelled(BookingParty.MENTOR, BookingStatus.CONFIRMED,
                                                                    false, TokenOutcome.RELEASE, 1))
                   .whenTimeAdvancesTo(END.plus(Duration.ofDays(1)))
                   .expectNoDispatchedCommands();
            assertThat(notices).isEmpty();
        }
    }

    // ---- reminders are checked again when they fire ---------------------------------------------------------------

    /**
     * A reminder whose cancellation came too late (it was already due, or in flight on another node) still reaches
     * the saga; the saga itself must then stay silent. The fixture drops cancelled deadlines, so the saga is driven
     * by hand here.
     */
    @Nested
    class LateReminders {

        private final DeadlineManager deadlines = mock(DeadlineManager.class);
        private final CommandGateway commands = mock(CommandGateway.class);
        private final BookingSaga saga = new BookingSaga();

        @BeforeEach
        void confirmed() {
            when(deadlines.schedule(any(Instant.class), anyString())).thenReturn("schedule");
            when(deadlines.schedule(any(Instant.class), anyString(), any())).thenReturn("schedule");
            new HandDrivenSagaScope().run(() -> saga.on(requested(), deadlines, notices::add));
            saga.on(BookingSagaTest.confirmed(CONFIRMED_AT), deadlines, notices::add,
                    new BookingSagaPolicy(AUTO_COMPLETE_AFTER));
            notices.clear();
        }

        @Test
        void aReminderForTheCurrentStartIsSent() {
            saga.remind(new BookingReminderDue(Kind.REMINDER_1H, START), notices::add);
            assertThat(notices).containsExactly(
                    notice(Kind.REMINDER_1H, List.of(STUDENT, MENTOR), START, URL, null, 0, null));
        }

        @Test
        void aReminderForTheStartBeforeAMoveIsNotSent() {
            saga.on(rescheduled(BookingStatus.CONFIRMED, BookingParty.STUDENT, START.plus(Duration.ofDays(2)),
                                RESPOND_BY, 1), deadlines, notices::add);
            notices.clear();

            saga.remind(new BookingReminderDue(Kind.REMINDER_1H, START), notices::add);

            assertThat(notices).isEmpty();
        }

        @Test
        void aReminderAfterTheBookingEndedIsNotSent() {
            saga.on(cancelled(BookingParty.MENTOR, BookingStatus.CONFIRMED, false, TokenOutcome.RELEASE, 1), deadlines,
                    commands, notices::add);
            notices.clear();

            saga.remind(new BookingReminderDue(Kind.REMINDER_1H, START), notices::add);

            assertThat(notices).isEmpty();
        }

        @Test
        void theSagaKeepsWhatItNeedsThroughTheSagaStoresSerializer() throws Exception {
            // the saga store keeps sagas as JSON, dates as ISO strings (see AxonSerializationConfig)
            ObjectMapper storage = JsonMapper.builder().findAndAddModules()
                                             .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(storage).build();
            BookingSaga loaded = serializer.deserialize(serializer.serialize(saga, String.class));

            loaded.remind(new BookingReminderDue(Kind.REMINDER_24H, START), notices::add);
            loaded.on(rescheduled(BookingStatus.CONFIRMED, BookingParty.MENTOR, START.plus(Duration.ofDays(2)),
                                  RESPOND_BY, 1), deadlines, notices::add);

            assertThat(notices).containsExactly(
                    notice(Kind.REMINDER_24H, List.of(STUDENT, MENTOR), START, URL, null, 0, null),
                    new BookingNotice(Kind.RESCHEDULED, BOOKING, List.of(STUDENT, MENTOR), STUDENT, MENTOR,
                                      START.plus(Duration.ofDays(2)), END.plus(Duration.ofDays(2)), ZONE, URL,
                                      CalendarMethod.REQUEST, 1, 1, null));
            // the auto-completion is scheduled from the policy the saga remembered
            verify(deadlines).schedule(END.plus(Duration.ofDays(2)).plus(AUTO_COMPLETE_AFTER),
                                       BookingSaga.AUTO_COMPLETE_DEADLINE);
        }
    }

    // ---- settlement ----------------------------------------------------------------------------------------------

    @Nested
    class Settlement {

        private final Instant settledAt = END.plus(Duration.ofHours(2)).plusSeconds(3);

        @Test
        void theCapturedHoldIsRecordedOnTheBooking() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(settledAt)
                   .whenAggregate(WALLET).publishes(new TokenHoldCaptured(STUDENT, HOLD, PRICE,
                                                                          BookingIds.holdReference(BOOKING),
                                                                          allocation(), null, 13, 0))
                   .expectDispatchedCommands(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.CAPTURE, PRICE,
                                                                         settledAt))
                   .expectDispatchedCommandsMatching(exactSequenceOf(sentBySystem()));
        }

        @Test
        void theReleasedHoldIsRecordedOnTheBooking() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(),
                                                          new BookingDeclined(BOOKING, STUDENT, MENTOR, "busy", NOW))
                   .andThenTimeAdvancesTo(settledAt)
                   .whenAggregate(WALLET).publishes(released(HOLD, HoldReleaseReason.RELEASED))
                   .expectDispatchedCommands(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.RELEASE, PRICE,
                                                                         settledAt));
        }

        @Test
        void aHoldThatExpiredInsteadIsRecordedAsReleased() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .andThenTimeAdvancesTo(settledAt)
                   .whenAggregate(WALLET).publishes(released(HOLD, HoldReleaseReason.EXPIRED))
                   .expectDispatchedCommands(new RecordBookingSettlement(BOOKING, HOLD, TokenOutcome.RELEASE, PRICE,
                                                                         settledAt));
        }

        @Test
        void anotherHoldOfTheSameStudentIsNoneOfTheSagasBusiness() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(), confirmed(CONFIRMED_AT))
                   .whenAggregate(WALLET).publishes(released(OTHER_HOLD, HoldReleaseReason.RELEASED))
                   .expectNoDispatchedCommands()
                   .expectActiveSagas(1);
        }

        @Test
        void theSettlementEndsTheSaga() throws Exception {
            fixture.givenCurrentTime(NOW)
                   .andThenAggregate(AGGREGATE).published(requested(),
                                                          new BookingDeclined(BOOKING, STUDENT, MENTOR, "busy", NOW))
                   .whenAggregate(AGGREGATE).publishes(new BookingSettled(BOOKING, STUDENT, MENTOR,
                                                                          BookingStatus.DECLINED, HOLD, PRICE, 0,
                                                                          PRICE, START, END, settledAt))
                   .expectActiveSagas(0)
                   .expectNoScheduledDeadlines()
                   .expectNoDispatchedCommands();
        }
    }

    // ---- notice keys ---------------------------------------------------------------------------------------------

    @Nested
    class NoticeKeys {

        @Test
        void theSameNoticeHasTheSameKey() throws Exception {
            BookingNotice one = notice(Kind.CONFIRMED, List.of(STUDENT, MENTOR), START, URL, CalendarMethod.REQUEST, 0,
                                       null);
            BookingNotice same = notice(Kind.CONFIRMED, List.of(STUDENT, MENTOR), START, URL, CalendarMethod.REQUEST,
                                        0, null);
            assertThat(same.key()).isEqualTo(one.key());
        }

        @Test
        void theSameStepHandedOverTwiceGivesTheSameKey() throws Exception {
            // a saga step retried after a failure sends the same e-mail again: the outbox must recognise it
            List<BookingNotice> first = noticesOf(requested(), confirmed(CONFIRMED_AT));
            List<BookingNotice> second = noticesOf(requested(), confirmed(CONFIRMED_AT));
            assertThat(second).extracting(BookingNotice::key)
                              .containsExactlyElementsOf(first.stream().map(BookingNotice::key).toList());
        }

        @Test
        void differentNoticesOfOneBookingHaveDifferentKeys() throws Exception {
            Instant newStart = START.plus(Duration.ofDays(2));
            List<BookingNotice> all = noticesOf(requested(), confirmed(CONFIRMED_AT),
                                                rescheduled(BookingStatus.CONFIRMED, BookingParty.MENTOR, newStart,
                                                            RESPOND_BY, 1),
                                                rescheduled(BookingStatus.CONFIRMED, BookingParty.MENTOR, START,
                                                            RESPOND_BY, 2),
                                                cancelled(BookingParty.STUDENT, BookingStatus.CONFIRMED, false,
                                                          TokenOutcome.RELEASE, 3));
            assertThat(all).extracting(BookingNotice::kind).containsExactly(Kind.REQUESTED, Kind.CONFIRMED,
                    Kind.RESCHEDULED, Kind.RESCHEDULED, Kind.CANCELLED);
            assertThat(all).extracting(BookingNotice::key).doesNotHaveDuplicates();
        }

        @Test
        void aRequestMovedBackAndForthGetsANoticeForEveryMove() throws Exception {
            // an unconfirmed request keeps calendar sequence 0, so the start alone told the moves apart
            Instant other = START.plus(Duration.ofDays(1));
            List<BookingNotice> moves = noticesOf(requested(),
                                                  rescheduled(BookingStatus.REQUESTED, BookingParty.STUDENT, other,
                                                              RESPOND_BY, 0),
                                                  rescheduled(BookingStatus.REQUESTED, BookingParty.STUDENT, START,
                                                              RESPOND_BY, 0),
                                                  rescheduled(BookingStatus.REQUESTED, BookingParty.STUDENT, other,
                                                              RESPOND_BY, 0))
                    .stream().filter(n -> n.kind() == Kind.RESCHEDULED).toList();
            assertThat(moves).hasSize(3);
            assertThat(moves).extracting(BookingNotice::key).doesNotHaveDuplicates();
        }

        /** The notices a fresh saga hands over for these events, in order. */
        private List<BookingNotice> noticesOf(Object... events) {
            SagaTestFixture<BookingSaga> saga = new SagaTestFixture<>(BookingSaga.class);
            List<BookingNotice> sent = new ArrayList<>();
            saga.registerResource((BookingNotifications) sent::add);
            saga.registerResource(new BookingSagaPolicy(AUTO_COMPLETE_AFTER));
            saga.givenCurrentTime(NOW).andThenAggregate(AGGREGATE).published(events);
            return sent;
        }
    }

    // ---- events and expectations ---------------------------------------------------------------------------------

    private static BookingRequested requested() {
        return new BookingRequested(BOOKING, STUDENT, MENTOR, START, END, "topic", PRICE, HOLD,
                                    END.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)), RESPOND_BY, ZONE, 10, NOW);
    }

    private static BookingConfirmed confirmed(Instant at) {
        return new BookingConfirmed(BOOKING, STUDENT, MENTOR, START, END, URL, 0, at);
    }

    private static BookingRescheduled rescheduled(BookingStatus status, BookingParty by, Instant newStart,
                                                  Instant respondBy, int sequence) {
        Instant newEnd = newStart.plus(Duration.ofMinutes(30));
        return new BookingRescheduled(BOOKING, STUDENT, MENTOR, by == BookingParty.STUDENT ? STUDENT : MENTOR, by,
                                      START, newStart, newEnd, status, respondBy, sequence, 10,
                                      newEnd.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)),
                                      NOW.plus(Duration.ofHours(3)));
    }

    private static BookingCancelled cancelled(BookingParty by, BookingStatus previous, boolean late,
                                              TokenOutcome outcome, int sequence) {
        return new BookingCancelled(BOOKING, STUDENT, MENTOR, by == BookingParty.STUDENT ? STUDENT : MENTOR, by,
                                    "plans", previous, late, outcome, START, sequence,
                                    NOW.plus(Duration.ofHours(4)));
    }

    private static BookingNoShowMarked noShow(BookingParty absent, UUID reportedBy, TokenOutcome outcome) {
        return new BookingNoShowMarked(BOOKING, STUDENT, MENTOR, absent, reportedBy, outcome, START,
                                       START.plus(Duration.ofMinutes(10)));
    }

    private static TokenHoldReleased released(UUID holdId, HoldReleaseReason reason) {
        return new TokenHoldReleased(STUDENT, holdId, PRICE, BookingIds.holdReference(BOOKING), allocation(), reason,
                                     null, null, 20, 0);
    }

    private static List<LotAllocation> allocation() {
        return List.of(new LotAllocation(GRANT, TokenCategory.PAID, PRICE));
    }

    /** A notice of this booking at its original times (the end follows the start). */
    private static BookingNotice notice(Kind kind, List<UUID> recipients, Instant start, String url,
                                        CalendarMethod calendar, int sequence, String detail) {
        return new BookingNotice(kind, BOOKING, recipients, STUDENT, MENTOR, start,
                                 start.plus(Duration.ofMinutes(30)), ZONE, url, calendar, sequence, detail);
    }

    /** The same notice, decided after {@code moves} moves of the booking. */
    private static BookingNotice moved(BookingNotice notice, int moves) {
        return new BookingNotice(notice.kind(), notice.bookingId(), notice.recipients(), notice.studentId(),
                                 notice.mentorId(), notice.start(), notice.end(), notice.mentorTimeZone(),
                                 notice.meetingUrl(), notice.calendar(), notice.calendarSequence(), moves,
                                 notice.detail());
    }

    private static Matcher<CommandMessage<?>> sentBySystem() {
        return new FeatureMatcher<CommandMessage<?>, Object>(equalTo(MetadataKeys.SYSTEM_ACTOR),
                                                             "a command whose userId metadata is", "userId") {
            @Override
            protected Object featureValueOf(CommandMessage<?> actual) {
                return actual.getMetaData().get(MetadataKeys.USER_ID);
            }
        };
    }
}

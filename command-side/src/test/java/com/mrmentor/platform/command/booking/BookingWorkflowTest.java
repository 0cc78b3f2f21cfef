package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.command.mentorship.Mentor;
import com.mrmentor.platform.command.mentorship.MentorshipPolicy;
import com.mrmentor.platform.command.tokens.TokenPolicy;
import com.mrmentor.platform.command.tokens.TokenWallet;
import com.mrmentor.platform.shared.booking.AcceptBooking;
import com.mrmentor.platform.shared.booking.BookingConfirmed;
import com.mrmentor.platform.shared.booking.BookingIds;
import com.mrmentor.platform.shared.booking.BookingParty;
import com.mrmentor.platform.shared.booking.BookingRequested;
import com.mrmentor.platform.shared.booking.BookingRescheduled;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.DeclineBooking;
import com.mrmentor.platform.shared.booking.RequestBooking;
import com.mrmentor.platform.shared.booking.RescheduleBooking;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.mentorship.ApplyToMentor;
import com.mrmentor.platform.shared.mentorship.ApproveMentorApplication;
import com.mrmentor.platform.shared.mentorship.SetWeeklyAvailability;
import com.mrmentor.platform.shared.mentorship.SuspendMentor;
import com.mrmentor.platform.shared.mentorship.WeeklyWindow;
import com.mrmentor.platform.shared.tokens.LotAllocation;
import com.mrmentor.platform.shared.tokens.RequestTokenGrant;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenHoldExtended;
import com.mrmentor.platform.shared.tokens.TokensHeld;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BookingWorkflow} on a real Axon configuration: the booking, mentor and wallet aggregates event-sourced from
 * an in-memory event store, the workflow registered as a command handler, the same injectable resources as in the
 * application. Setup goes through the aggregates' own commands; what a command stored is read back from the store.
 * (The booking calendar's refusal of overlapping bookings needs its table and is covered by the integration tests.)
 */
class BookingWorkflowTest {

    /** A Tuesday; Berlin is at UTC+1 until the end of March. */
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    /** Offered slots on Monday 16 March, 09:00–11:00 Berlin with a 10-minute buffer: 09:00, 09:40 and 10:20. */
    private static final Instant MONDAY_0900 = Instant.parse("2026-03-16T08:00:00Z");
    private static final Instant MONDAY_0940 = Instant.parse("2026-03-16T08:40:00Z");
    private static final Instant NEXT_MONDAY_0900 = MONDAY_0900.plus(Duration.ofDays(7));
    private static final Duration SESSION = Duration.ofMinutes(30);

    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID STUDENT = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    private static final UUID POOR_STUDENT = UUID.fromString("00000000-0000-0000-0000-00000000005b");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-000000000666");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID GRANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private static final String ZONE = "Europe/Berlin";
    private static final int PRICE = 5;
    private static final int BUFFER = 10;
    private static final String TOPIC = "Kafka consumer groups";

    private final MutableClock clock = new MutableClock(NOW.minus(Duration.ofDays(1)));
    private final BookingPolicy policy = BookingPolicy.defaults();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private Configuration axon;

    @BeforeEach
    void setUp() {
        MentorshipPolicy mentorship = MentorshipPolicy.defaults();
        axon = DefaultConfigurer.defaultConfiguration(false) // no Axon Server module
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(Booking.class)
                .configureAggregate(Mentor.class)
                .configureAggregate(TokenWallet.class)
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(MentorshipPolicy.class, c -> mentorship)
                .registerComponent(BookingPolicy.class, c -> policy)
                .registerComponent(TokenPolicy.class, c -> new TokenPolicy(100, Duration.ofDays(7)))
                .registerComponent(MeetingRooms.class, c -> (bookingId, start, end) -> "https://meet.test/" + bookingId)
                .registerCommandHandler(c -> new BookingWorkflow(c.repository(Booking.class),
                        c.repository(Mentor.class), c.repository(TokenWallet.class), c.eventStore(),
                        c.deadlineManager(), mentorship,
                        policy, clock))
                .start();
        // an active mentor offering Mondays 09:00–11:00 in Berlin at 5 tokens, and a student with 20 tokens
        send(new ApplyToMentor(MENTOR, UUID.randomUUID(), "Headline", "Bio", List.of("Kafka"), null, null,
                List.of("English"), ZONE, PRICE));
        send(new ApproveMentorApplication(MENTOR, ADMIN));
        send(new SetWeeklyAvailability(MENTOR, List.of(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(11, 0))), BUFFER));
        send(new RequestTokenGrant(STUDENT, GRANT, 20, TokenCategory.PAID, "pack", null, ADMIN));
        send(new RequestTokenGrant(POOR_STUDENT, UUID.randomUUID(), PRICE - 1, TokenCategory.PAID, "pack", null,
                ADMIN));
        clock.set(NOW);
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    // ---- requesting ----------------------------------------------------------------------------------------------

    @Test
    void aRequestHoldsThePriceAndOpensTheBookingTogether() {
        int before = stored().size();

        BookingWorkflow.Requested answer = send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, "  " + TOPIC));

        Instant end = MONDAY_0900.plus(SESSION);
        Instant respondBy = NOW.plus(Duration.ofHours(48));
        Instant holdExpiry = end.plus(Duration.ofHours(2)).plus(Duration.ofDays(7));
        assertThat(answer).isEqualTo(new BookingWorkflow.Requested(BOOKING, BookingStatus.REQUESTED, MONDAY_0900, end,
                PRICE, respondBy));
        List<EventMessage<?>> added = stored().subList(before, stored().size());
        assertThat(added).hasSize(2);
        TokensHeld held = (TokensHeld) added.get(0).getPayload();
        assertThat(held).isEqualTo(new TokensHeld(STUDENT, held.holdId(), PRICE, BookingIds.holdReference(BOOKING),
                holdExpiry, List.of(new LotAllocation(GRANT, TokenCategory.PAID, PRICE)), STUDENT, 20, PRICE));
        assertThat(added.get(1).getPayload()).isEqualTo(new BookingRequested(BOOKING, STUDENT, MENTOR, MONDAY_0900,
                end, TOPIC, PRICE, held.holdId(), holdExpiry, respondBy, ZONE, BUFFER, NOW));
        assertThat(((DomainEventMessage<?>) added.get(0)).getAggregateIdentifier()).isEqualTo(WalletIds.of(STUDENT));
        assertThat(((DomainEventMessage<?>) added.get(1)).getAggregateIdentifier())
                .isEqualTo(BookingIds.booking(BOOKING));
    }

    @Test
    void theMentorMustAnswerBeforeTheStartIfThatComesFirst() {
        clock.set(MONDAY_0900.minus(Duration.ofHours(20)));

        BookingWorkflow.Requested answer = send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));

        assertThat(answer.respondBy()).isEqualTo(MONDAY_0900);
        assertThat(lastPayload(BookingRequested.class).respondBy()).isEqualTo(MONDAY_0900);
    }

    @Test
    void whenTheBookingCannotBeStoredTheHoldIsNotStoredEither() {
        // stands in for the booking calendar, which refuses a slot taken meanwhile as the events are stored
        Registration calendar = axon.eventStore().subscribe(events -> events.stream()
                .filter(e -> e.getPayload() instanceof BookingRequested)
                .findAny()
                .ifPresent(e -> {
                    throw new RuleViolation("calendar-refused", RuleViolation.Kind.CONFLICT, "taken meanwhile");
                }));
        int before = stored().size();

        expectViolation(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC)),
                "calendar-refused");

        calendar.cancel();
        assertThat(stored()).hasSize(before);
        // and the tokens are all still available
        send(new RequestBooking(UUID.randomUUID(), STUDENT, MENTOR, MONDAY_0940, TOPIC));
        assertThat(lastPayload(TokensHeld.class).heldAfter()).isEqualTo(PRICE);
    }

    @Test
    void aStudentWhoCannotPayLeavesNeitherHoldNorBooking() {
        int before = stored().size();

        expectViolation(() -> send(new RequestBooking(BOOKING, POOR_STUDENT, MENTOR, MONDAY_0900, TOPIC)),
                "insufficient-tokens");

        assertThat(stored()).hasSize(before);
    }

    @Test
    void aStudentWithoutAWalletCannotPay() {
        int before = stored().size();

        expectViolation(() -> send(new RequestBooking(BOOKING, STRANGER, MENTOR, MONDAY_0900, TOPIC)),
                "insufficient-tokens");

        assertThat(stored()).hasSize(before);
    }

    @Test
    void aMentorCannotBookThemselves() {
        expectNothingStored(() -> send(new RequestBooking(BOOKING, MENTOR, MENTOR, MONDAY_0900, TOPIC)), "own-slot");
    }

    @Test
    void aStartTheMentorDoesNotOfferIsRefused() {
        expectNothingStored(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR,
                MONDAY_0900.plus(Duration.ofMinutes(10)), TOPIC)), "slot-unavailable");
    }

    @Test
    void aStartWithLessThanTwelveHoursNoticeIsRefused() {
        clock.set(MONDAY_0900.minus(Duration.ofHours(11)));
        expectNothingStored(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC)),
                "invalid-start");
    }

    @Test
    void aStartMoreThanThirtyDaysAheadIsRefused() {
        clock.set(MONDAY_0900.minus(Duration.ofDays(31)));
        expectNothingStored(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC)),
                "invalid-start");
    }

    @Test
    void aSuspendedMentorCannotBeBooked() {
        send(new SuspendMentor(MENTOR, "review", ADMIN));
        expectNothingStored(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC)),
                "mentor-not-active");
    }

    @Test
    void someoneWhoIsNoMentorCannotBeBooked() {
        expectNothingStored(() -> send(new RequestBooking(BOOKING, STUDENT, STRANGER, MONDAY_0900, TOPIC)),
                "not-a-mentor");
    }

    @Test
    void aTopicIsRequired() {
        expectNothingStored(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, "  ")),
                "missing-topic");
    }

    @Test
    void aRepeatedRequestForTheSameBookingIsRefusedAndHoldsNothingMore() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        int before = stored().size();

        expectViolation(() -> send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0940, TOPIC)),
                "duplicate-booking");

        // neither a second hold nor a second BookingRequested for the same aggregate
        assertThat(stored()).hasSize(before);
    }

    // ---- rescheduling --------------------------------------------------------------------------------------------

    @Test
    void movingToALaterSlotCarriesTheHoldAndKeepsItLonger() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        TokensHeld held = lastPayload(TokensHeld.class);
        Instant at = NOW.plus(Duration.ofHours(1));
        clock.set(at);
        int before = stored().size();

        BookingWorkflow.Rescheduled answer = send(new RescheduleBooking(BOOKING, STUDENT, NEXT_MONDAY_0900));

        Instant newEnd = NEXT_MONDAY_0900.plus(SESSION);
        Instant newHoldExpiry = newEnd.plus(Duration.ofHours(2)).plus(Duration.ofDays(7));
        assertThat(answer).isEqualTo(new BookingWorkflow.Rescheduled(BOOKING, NEXT_MONDAY_0900, newEnd));
        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new BookingRescheduled(BOOKING, STUDENT, MENTOR, STUDENT, BookingParty.STUDENT, MONDAY_0900,
                        NEXT_MONDAY_0900, newEnd, BookingStatus.REQUESTED, NOW.plus(Duration.ofHours(48)), 0, BUFFER,
                        newHoldExpiry, at),
                new TokenHoldExtended(STUDENT, held.holdId(), held.expiresAt(), newHoldExpiry, STUDENT));
    }

    @Test
    void movingToAnEarlierSlotKeepsTheHoldAsItIs() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0940, TOPIC));
        TokensHeld held = lastPayload(TokensHeld.class);
        int before = stored().size();

        send(new RescheduleBooking(BOOKING, MENTOR, MONDAY_0900));

        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new BookingRescheduled(BOOKING, STUDENT, MENTOR, MENTOR, BookingParty.MENTOR, MONDAY_0940,
                        MONDAY_0900, MONDAY_0900.plus(SESSION), BookingStatus.REQUESTED,
                        NOW.plus(Duration.ofHours(48)), 0, BUFFER, held.expiresAt(), NOW));
    }

    @Test
    void movingAConfirmedSessionUpdatesItsInvitation() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        send(new AcceptBooking(BOOKING, MENTOR));
        assertThat(lastPayload(BookingConfirmed.class).calendarSequence()).isZero();

        send(new RescheduleBooking(BOOKING, MENTOR, MONDAY_0940));

        BookingRescheduled moved = lastPayload(BookingRescheduled.class);
        assertThat(moved.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(moved.calendarSequence()).isEqualTo(1);
        assertThat(moved.rescheduledByParty()).isEqualTo(BookingParty.MENTOR);
    }

    @Test
    void aMoveRequestedInTheLastHourIsRefused() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        clock.set(MONDAY_0900.minus(Duration.ofMinutes(59)));

        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STUDENT, NEXT_MONDAY_0900)),
                "reschedule-too-late");
    }

    @Test
    void aMoveExactlyAnHourAheadIsAllowed() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        clock.set(MONDAY_0900.minus(Duration.ofHours(1)));

        send(new RescheduleBooking(BOOKING, STUDENT, NEXT_MONDAY_0900));

        assertThat(lastPayload(BookingRescheduled.class).start()).isEqualTo(NEXT_MONDAY_0900);
    }

    @Test
    void aStrangerIsRefusedBeforeTheMentorIsAsked() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        // were the mentor asked first, the answer would be mentor-not-active
        send(new SuspendMentor(MENTOR, "review", ADMIN));

        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STRANGER, MONDAY_0940)), "not-your-booking");
    }

    @Test
    void aMoveToAStartTheMentorDoesNotOfferIsRefused() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));

        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STUDENT, MONDAY_0900.plus(Duration.ofHours(5)))),
                "slot-unavailable");
    }

    @Test
    void aMoveToTheSameStartIsRefused() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));

        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STUDENT, MONDAY_0900)), "same-start");
    }

    @Test
    void aFinalBookingCannotBeMoved() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        send(new DeclineBooking(BOOKING, MENTOR, "busy"));

        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STUDENT, MONDAY_0940)),
                "booking-not-rescheduled");
    }

    @Test
    void aFinalBookingOfASuspendedMentorIsRefusedForItsOwnReason() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        send(new DeclineBooking(BOOKING, MENTOR, "busy"));
        send(new SuspendMentor(MENTOR, "review", ADMIN));

        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STUDENT, MONDAY_0940)),
                "booking-not-rescheduled");
    }

    @Test
    void aLateMoveIsTooLateEvenToAStartWithTooLittleNotice() {
        send(new RequestBooking(BOOKING, STUDENT, MENTOR, MONDAY_0900, TOPIC));
        clock.set(MONDAY_0900.minus(Duration.ofMinutes(30)));

        // 09:40 the same day is also inside the 12-hour notice; the booking's own reason comes first
        expectNothingStored(() -> send(new RescheduleBooking(BOOKING, STUDENT, MONDAY_0940)),
                "reschedule-too-late");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private <R> R send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }

    private List<EventMessage<?>> stored() {
        return store.readEvents(null, false).<EventMessage<?>>map(e -> e).toList();
    }

    private static List<Object> payloads(List<EventMessage<?>> events) {
        return events.stream().<Object>map(EventMessage::getPayload).toList();
    }

    private <T> T lastPayload(Class<T> type) {
        List<Object> all = payloads(stored());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (type.isInstance(all.get(i))) {
                return type.cast(all.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " stored");
    }

    private void expectNothingStored(Runnable command, String code) {
        int before = stored().size();
        expectViolation(command, code);
        assertThat(stored()).hasSize(before);
    }

    private static void expectViolation(Runnable command, String code) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(code));
    }
}

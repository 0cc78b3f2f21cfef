package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.command.mentorship.BookingTerms;
import com.mrmentor.platform.command.mentorship.Mentor;
import com.mrmentor.platform.command.mentorship.MentorshipPolicy;
import com.mrmentor.platform.command.tokens.TokenWallet;
import com.mrmentor.platform.shared.booking.BookingIds;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.RequestBooking;
import com.mrmentor.platform.shared.booking.RescheduleBooking;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.mentorship.MentorIds;
import com.mrmentor.platform.shared.tokens.ExtendTokenHold;
import com.mrmentor.platform.shared.tokens.PlaceTokenHold;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The two booking commands that change three aggregates at once, in one unit of work and so in one transaction:
 * a request checks the mentor's availability, holds the student's tokens and opens the booking; a reschedule checks
 * the new start with the mentor, moves the booking and, if needed, keeps the tokens held longer. Either everything
 * is stored or nothing: a student without enough tokens leaves no booking, and a slot taken meanwhile (the booking
 * calendar refuses the overlap as the events are stored) leaves no hold.
 *
 * <p>Aggregates are always loaded in the same order (booking, mentor, wallet), so two of these never wait on each
 * other in a circle.
 */
@Component
public class BookingWorkflow {

    private final Repository<Booking> bookings;
    private final Repository<Mentor> mentors;
    private final Repository<TokenWallet> wallets;
    private final EventStore events;
    private final DeadlineManager deadlines;
    private final MentorshipPolicy mentorship;
    private final BookingPolicy policy;
    private final Clock clock;

    public BookingWorkflow(@Qualifier("bookingRepository") Repository<Booking> bookings,
                           @Qualifier("mentorRepository") Repository<Mentor> mentors,
                           @Qualifier("tokenWalletRepository") Repository<TokenWallet> wallets, EventStore events,
                           DeadlineManager deadlines, MentorshipPolicy mentorship, BookingPolicy policy,
                           Clock clock) {
        this.bookings = bookings;
        this.mentors = mentors;
        this.wallets = wallets;
        this.events = events;
        this.deadlines = deadlines;
        this.mentorship = mentorship;
        this.policy = policy;
        this.clock = clock;
    }

    @CommandHandler
    public Requested handle(RequestBooking command) throws Exception {
        if (command.bookingId() == null) {
            throw BookingRules.missing("booking-id");
        }
        if (command.topic() == null || command.topic().isBlank()) {
            throw BookingRules.missing("topic");
        }
        if (command.mentorId() == null) {
            throw BookingRules.missing("mentor");
        }
        if (command.mentorId().equals(command.studentId())) {
            throw BookingRules.ownSlot();
        }
        if (exists(command.bookingId())) {
            // a retry of a request that was stored after all (same idempotency key, same booking id)
            throw BookingRules.duplicateBooking();
        }
        Instant now = clock.instant();
        BookingTerms terms = mentor(command.mentorId()).invoke(m -> m.bookingTerms(command.start(), now, mentorship));
        UUID holdId = UUID.randomUUID();
        Instant holdExpiry = policy.holdExpiry(terms.end());
        Aggregate<TokenWallet> wallet = wallet(command.studentId(), terms.pricePerSession());
        wallet.execute(w -> w.handle(new PlaceTokenHold(command.studentId(), holdId, terms.pricePerSession(),
                BookingIds.holdReference(command.bookingId()), holdExpiry, command.studentId()), deadlines, clock));
        bookings.newInstance(() -> new Booking(command.bookingId(), command.studentId(), terms, command.topic().trim(),
                holdId, holdExpiry, policy, now));
        return new Requested(command.bookingId(), BookingStatus.REQUESTED, terms.start(), terms.end(),
                terms.pricePerSession(), policy.respondBy(now, terms.start()));
    }

    @CommandHandler
    public Rescheduled handle(RescheduleBooking command) {
        Aggregate<Booking> booking = bookings.load(BookingIds.booking(command.bookingId()));
        Instant now = clock.instant();
        // the booking's own refusals first: a stranger learns nothing about the mentor, a late move is "too late"
        booking.invoke(b -> b.requireReschedulable(command.rescheduledBy(), policy, now));
        UUID mentorId = booking.invoke(Booking::mentorId);
        BookingTerms terms = mentor(mentorId).invoke(m -> m.bookingTerms(command.start(), now, mentorship));
        Instant previousHoldExpiry = booking.invoke(Booking::holdExpiresAt);
        Instant holdExpiry = booking.invoke(b -> b.reschedule(command.rescheduledBy(), terms, policy, now));
        if (holdExpiry.isAfter(previousHoldExpiry)) {
            UUID studentId = booking.invoke(Booking::studentId);
            UUID holdId = booking.invoke(Booking::holdId);
            wallets.load(WalletIds.of(studentId)).execute(w -> w.handle(
                    new ExtendTokenHold(studentId, holdId, holdExpiry, command.rescheduledBy()), deadlines, clock));
        }
        return new Rescheduled(command.bookingId(), terms.start(), terms.end());
    }

    /**
     * Whether the booking was created already. Without this check a second request for the same id would place a
     * second hold and then fail only when its events meet the event store's (aggregate, sequence) key, as a
     * "concurrent modification" that invites the client to retry again and again. Asked of the event store rather
     * than the repository, which logs every miss as a warning.
     */
    private boolean exists(UUID bookingId) {
        return events.lastSequenceNumberFor(BookingIds.booking(bookingId)).isPresent();
    }

    private Aggregate<Mentor> mentor(UUID mentorId) {
        try {
            return mentors.load(MentorIds.mentor(mentorId));
        } catch (AggregateNotFoundException unknown) {
            throw new RuleViolation("not-a-mentor", RuleViolation.Kind.NOT_FOUND, "No such mentor");
        }
    }

    /** The student's wallet; a student who never had tokens has none, and so cannot pay. */
    private Aggregate<TokenWallet> wallet(UUID studentId, long price) {
        try {
            return wallets.load(WalletIds.of(studentId));
        } catch (AggregateNotFoundException noWallet) {
            throw BookingRules.insufficientTokens(0, price);
        }
    }

    /** The answer to a request. */
    public record Requested(UUID bookingId, BookingStatus status, Instant start, Instant end, long priceTokens,
                            Instant respondBy) {
    }

    /** The answer to a reschedule. */
    public record Rescheduled(UUID bookingId, Instant start, Instant end) {
    }
}

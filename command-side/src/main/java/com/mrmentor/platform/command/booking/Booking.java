package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.command.common.AggregateCaches;
import com.mrmentor.platform.command.mentorship.BookingTerms;
import com.mrmentor.platform.shared.booking.AcceptBooking;
import com.mrmentor.platform.shared.booking.AutoCompleteBooking;
import com.mrmentor.platform.shared.booking.BookingCancelled;
import com.mrmentor.platform.shared.booking.BookingCompleted;
import com.mrmentor.platform.shared.booking.BookingConfirmed;
import com.mrmentor.platform.shared.booking.BookingDeclined;
import com.mrmentor.platform.shared.booking.BookingIds;
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
import com.mrmentor.platform.shared.booking.SessionRated;
import com.mrmentor.platform.shared.booking.TokenOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One session booked by a student with a mentor, from the request to the settlement of its tokens.
 *
 * <p>Invariants: only the booking's mentor accepts, declines and completes; only its student rates; either party
 * cancels, moves, joins and reports the other's absence; every transition leaves a state that allows it (a
 * cancelled booking is never completed, a final booking is never cancelled again); the tokens are settled once, and
 * only after the booking reached a final state. The request itself, which also takes the mentor's time and the
 * student's tokens, is made by {@link BookingWorkflow}.
 */
@Aggregate(cache = AggregateCaches.BOOKINGS)
public class Booking {

    @AggregateIdentifier
    private String id;
    private UUID bookingId;
    private UUID studentId;
    private UUID mentorId;
    private BookingStatus status;
    private Instant start;
    private Instant end;
    private long price;
    private UUID holdId;
    private Instant holdExpiresAt;
    private Instant respondBy;
    private int calendarSequence;
    private String meetingUrl;
    private Instant studentJoinedAt;
    private Instant mentorJoinedAt;
    private Instant completedAt;
    private boolean settled;
    private boolean rated;

    /** For Axon, which rebuilds the booking from its events. */
    protected Booking() {
    }

    /** A new request; the workflow has checked the slot and placed the hold. */
    Booking(UUID bookingId, UUID studentId, BookingTerms terms, String topic, UUID holdId, Instant holdExpiresAt,
            BookingPolicy policy, Instant now) {
        apply(new BookingRequested(bookingId, studentId, terms.mentorId(), terms.start(), terms.end(), topic,
                terms.pricePerSession(), holdId, holdExpiresAt, policy.respondBy(now, terms.start()),
                terms.timeZone(), terms.bufferMinutes(), now));
    }

    // ---- the mentor's answer --------------------------------------------------------------------------------

    @CommandHandler
    public String handle(AcceptBooking command, MeetingRooms rooms, Clock clock) {
        requireMentor(command.mentorId(), "accept it");
        requireStatus(BookingStatus.REQUESTED, "accepted");
        Instant now = clock.instant();
        if (!now.isBefore(respondBy)) {
            throw BookingRules.requestExpired();
        }
        String url = rooms.roomFor(bookingId, start, end);
        apply(new BookingConfirmed(bookingId, studentId, mentorId, start, end, url, 0, now));
        return url;
    }

    @CommandHandler
    public void handle(DeclineBooking command, Clock clock) {
        requireMentor(command.mentorId(), "decline it");
        requireStatus(BookingStatus.REQUESTED, "declined");
        if (isBlank(command.reason())) {
            throw BookingRules.missing("reason");
        }
        Instant now = clock.instant();
        // past its answer time a request is expiring, not declined: a late decline must not change the record
        if (!now.isBefore(respondBy)) {
            throw BookingRules.requestExpired();
        }
        apply(new BookingDeclined(bookingId, studentId, mentorId, command.reason().trim(), now));
    }

    /** From the saga's deadline: a request still unanswered at its respond-by time expires; anything else stays. */
    @CommandHandler
    public void handle(ExpireBookingRequest command, Clock clock) {
        Instant now = clock.instant();
        if (status == BookingStatus.REQUESTED && !now.isBefore(respondBy)) {
            apply(new BookingRequestExpired(bookingId, studentId, mentorId, now));
        }
    }

    // ---- changes of plan ------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(CancelBooking command, BookingPolicy policy, Clock clock) {
        BookingParty party = partyOf(command.cancelledBy());
        if (!status.isOpen()) {
            throw BookingRules.wrongStatus(status, "cancelled");
        }
        if (isBlank(command.reason())) {
            throw BookingRules.missing("reason");
        }
        Instant now = clock.instant();
        if (!now.isBefore(start)) {
            throw BookingRules.sessionStarted("cancelled");
        }
        // A request the mentor has not accepted is withdrawn for free; a confirmed session the student calls off
        // late has cost the mentor the slot. A mentor's cancellation never costs the student.
        boolean late = party == BookingParty.STUDENT && status == BookingStatus.CONFIRMED
                && now.plus(policy.freeCancellationNotice()).isAfter(start);
        int sequence = status == BookingStatus.CONFIRMED ? calendarSequence + 1 : calendarSequence;
        apply(new BookingCancelled(bookingId, studentId, mentorId, command.cancelledBy(), party,
                command.reason().trim(), status, late, late ? TokenOutcome.CAPTURE : TokenOutcome.RELEASE, start,
                sequence, now));
    }

    /** Called by {@link BookingWorkflow} once the mentor's aggregate has approved the new start. */
    Instant reschedule(UUID actor, BookingTerms terms, BookingPolicy policy, Instant now) {
        BookingParty party = requireReschedulable(actor, policy, now);
        if (terms.start().equals(start)) {
            throw BookingRules.sameStart();
        }
        Instant newRespondBy = respondBy.isBefore(terms.start()) ? respondBy : terms.start();
        int sequence = status == BookingStatus.CONFIRMED ? calendarSequence + 1 : calendarSequence;
        Instant newHoldExpiry = policy.holdExpiry(terms.end());
        Instant holdExpiry = newHoldExpiry.isAfter(holdExpiresAt) ? newHoldExpiry : holdExpiresAt;
        apply(new BookingRescheduled(bookingId, studentId, mentorId, actor, party, start, terms.start(), terms.end(),
                status, newRespondBy, sequence, terms.bufferMinutes(), holdExpiry, now));
        return holdExpiry;
    }

    /**
     * Whether {@code actor} may move this booking now: a party, the booking open, the cutoff not passed. Checked
     * before the mentor is asked about the new start, so that the answer names the booking's own reason.
     */
    BookingParty requireReschedulable(UUID actor, BookingPolicy policy, Instant now) {
        BookingParty party = partyOf(actor);
        if (!status.isOpen()) {
            throw BookingRules.wrongStatus(status, "rescheduled");
        }
        if (now.plus(policy.rescheduleCutoff()).isAfter(start)) {
            throw BookingRules.rescheduleTooLate(policy.rescheduleCutoff().toMinutes());
        }
        return party;
    }

    // ---- the session ----------------------------------------------------------------------------------------

    @CommandHandler
    public JoinResult handle(JoinBooking command, BookingPolicy policy, Clock clock) {
        BookingParty party = partyOf(command.userId());
        if (status != BookingStatus.CONFIRMED) {
            throw BookingRules.notJoinable("while it is " + status);
        }
        Instant now = clock.instant();
        if (now.plus(policy.joinOpensBefore()).isBefore(start)) {
            throw BookingRules.notJoinable("earlier than " + policy.joinOpensBefore().toMinutes()
                    + " minutes before its start");
        }
        if (!now.isBefore(end)) {
            throw BookingRules.notJoinable("after its end");
        }
        Instant joined = party == BookingParty.STUDENT ? studentJoinedAt : mentorJoinedAt;
        if (joined == null) {
            joined = now;
            apply(new BookingJoined(bookingId, command.userId(), party, now));
        }
        return new JoinResult(meetingUrl, party, joined);
    }

    @CommandHandler
    public void handle(CompleteBooking command, Clock clock) {
        requireMentor(command.mentorId(), "complete it");
        requireStatus(BookingStatus.CONFIRMED, "completed");
        Instant now = clock.instant();
        if (now.isBefore(start)) {
            throw BookingRules.sessionNotStarted();
        }
        apply(new BookingCompleted(bookingId, studentId, mentorId, start, end, price, command.mentorId(), false,
                studentJoinedAt, mentorJoinedAt, now));
    }

    /** From the saga's deadline: a confirmed session still open after the grace period is completed. */
    @CommandHandler
    public void handle(AutoCompleteBooking command, BookingPolicy policy, Clock clock) {
        Instant now = clock.instant();
        if (status == BookingStatus.CONFIRMED && !now.isBefore(end.plus(policy.autoCompleteAfter()))) {
            apply(new BookingCompleted(bookingId, studentId, mentorId, start, end, price, null, true,
                    studentJoinedAt, mentorJoinedAt, now));
        }
    }

    @CommandHandler
    public void handle(MarkNoShow command, BookingPolicy policy, Clock clock) {
        BookingParty reporter = partyOf(command.reportedBy());
        requireStatus(BookingStatus.CONFIRMED, "marked as a no-show");
        Instant now = clock.instant();
        if (now.isBefore(start.plus(policy.noShowAfter()))) {
            throw BookingRules.noShowTooEarly(policy.noShowAfter().toMinutes());
        }
        BookingParty absent = reporter == BookingParty.STUDENT ? BookingParty.MENTOR : BookingParty.STUDENT;
        Instant absentJoined = absent == BookingParty.STUDENT ? studentJoinedAt : mentorJoinedAt;
        if (absentJoined != null) {
            throw BookingRules.partyJoined();
        }
        TokenOutcome outcome = absent == BookingParty.STUDENT ? TokenOutcome.CAPTURE : TokenOutcome.RELEASE;
        apply(new BookingNoShowMarked(bookingId, studentId, mentorId, absent, command.reportedBy(), outcome, start,
                now));
    }

    // ---- settlement, feedback and notes ---------------------------------------------------------------------

    /** From the saga, once the ledger resolved the hold; a second report of the same settlement changes nothing. */
    @CommandHandler
    public void handle(RecordBookingSettlement command) {
        if (settled) {
            return;
        }
        if (status.isOpen()) {
            throw BookingRules.notSettleable(status);
        }
        if (!holdId.equals(command.holdId())) {
            throw BookingRules.invalid("hold", "is not this booking's hold");
        }
        long captured = command.outcome() == TokenOutcome.CAPTURE ? command.tokens() : 0;
        long released = command.outcome() == TokenOutcome.RELEASE ? command.tokens() : 0;
        apply(new BookingSettled(bookingId, studentId, mentorId, status, holdId, price, captured, released, start,
                end, command.settledAt()));
    }

    @CommandHandler
    public void handle(RateSession command, BookingPolicy policy, Clock clock) {
        if (!studentId.equals(command.studentId())) {
            throw isMentor(command.studentId()) ? BookingRules.studentOnly("rate it") : BookingRules.notAParty();
        }
        requireStatus(BookingStatus.COMPLETED, "rated");
        if (rated) {
            throw BookingRules.alreadyRated();
        }
        Instant now = clock.instant();
        if (now.isAfter(completedAt.plus(policy.feedbackWindow()))) {
            throw BookingRules.feedbackClosed(policy.feedbackWindow().toDays());
        }
        if (command.stars() == null || command.stars() < 1 || command.stars() > 5) {
            throw BookingRules.invalid("stars", "must be 1 to 5");
        }
        if (command.experience() == null) {
            throw BookingRules.missing("experience");
        }
        if (command.mentorOnTime() == null) {
            throw BookingRules.missing("mentor-on-time");
        }
        String comment = isBlank(command.comment()) ? null : command.comment().trim();
        apply(new SessionRated(bookingId, studentId, mentorId, command.stars(), command.experience(),
                command.mentorOnTime(), comment, now));
    }

    @CommandHandler
    public void handle(KeepMentorNote command, Clock clock) {
        requireMentor(command.mentorId(), "keep notes on it");
        if (isBlank(command.text())) {
            throw BookingRules.missing("text");
        }
        if (command.noteId() == null) {
            throw BookingRules.missing("note-id");
        }
        apply(new MentorNoteKept(bookingId, mentorId, command.noteId(), command.text().trim(), clock.instant()));
    }

    // ---- what the workflow reads ----------------------------------------------------------------------------

    UUID mentorId() {
        return mentorId;
    }

    UUID studentId() {
        return studentId;
    }

    UUID holdId() {
        return holdId;
    }

    Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    /** Which side {@code userId} is on; someone else is refused. */
    BookingParty partyOf(UUID userId) {
        if (studentId.equals(userId)) {
            return BookingParty.STUDENT;
        }
        if (mentorId.equals(userId)) {
            return BookingParty.MENTOR;
        }
        throw BookingRules.notAParty();
    }

    private boolean isMentor(UUID userId) {
        return mentorId.equals(userId);
    }

    private void requireMentor(UUID actor, String action) {
        if (!mentorId.equals(actor)) {
            throw studentId.equals(actor) ? BookingRules.mentorOnly(action) : BookingRules.notAParty();
        }
    }

    private void requireStatus(BookingStatus expected, String action) {
        if (status != expected) {
            throw BookingRules.wrongStatus(status, action);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** What joining answers: where to go, and when this party joined first. */
    public record JoinResult(String meetingUrl, BookingParty party, Instant joinedAt) {
    }

    // ---- state, only from events ----------------------------------------------------------------------------

    @EventSourcingHandler
    void on(BookingRequested event) {
        id = BookingIds.booking(event.bookingId());
        bookingId = event.bookingId();
        studentId = event.studentId();
        mentorId = event.mentorId();
        status = BookingStatus.REQUESTED;
        start = event.start();
        end = event.end();
        price = event.priceTokens();
        holdId = event.holdId();
        holdExpiresAt = event.holdExpiresAt();
        respondBy = event.respondBy();
    }

    @EventSourcingHandler
    void on(BookingConfirmed event) {
        status = BookingStatus.CONFIRMED;
        meetingUrl = event.meetingUrl();
        calendarSequence = event.calendarSequence();
    }

    @EventSourcingHandler
    void on(BookingDeclined event) {
        status = BookingStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(BookingRequestExpired event) {
        status = BookingStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        status = BookingStatus.CANCELLED;
        calendarSequence = event.calendarSequence();
    }

    @EventSourcingHandler
    void on(BookingRescheduled event) {
        start = event.start();
        end = event.end();
        respondBy = event.respondBy();
        calendarSequence = event.calendarSequence();
        holdExpiresAt = event.holdExpiresAt();
    }

    @EventSourcingHandler
    void on(BookingJoined event) {
        if (event.party() == BookingParty.STUDENT) {
            studentJoinedAt = event.joinedAt();
        } else {
            mentorJoinedAt = event.joinedAt();
        }
    }

    @EventSourcingHandler
    void on(BookingCompleted event) {
        status = BookingStatus.COMPLETED;
        completedAt = event.completedAt();
    }

    @EventSourcingHandler
    void on(BookingNoShowMarked event) {
        status = BookingStatus.NO_SHOW;
    }

    @EventSourcingHandler
    void on(BookingSettled event) {
        settled = true;
    }

    @EventSourcingHandler
    void on(SessionRated event) {
        rated = true;
    }
}

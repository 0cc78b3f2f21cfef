package com.mrmentor.platform.saga.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.mrmentor.platform.saga.booking.BookingNotice.CalendarMethod;
import com.mrmentor.platform.saga.booking.BookingNotice.Kind;
import com.mrmentor.platform.shared.booking.AutoCompleteBooking;
import com.mrmentor.platform.shared.booking.BookingCancelled;
import com.mrmentor.platform.shared.booking.BookingCompleted;
import com.mrmentor.platform.shared.booking.BookingConfirmed;
import com.mrmentor.platform.shared.booking.BookingDeclined;
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
import com.mrmentor.platform.shared.tokens.ReleaseTokenHold;
import com.mrmentor.platform.shared.tokens.TokenHoldCaptured;
import com.mrmentor.platform.shared.tokens.TokenHoldReleased;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives one booking from its request to the settlement of its tokens.
 *
 * <pre>
 * BookingRequested      → wait for the mentor until respondBy (deadline → ExpireBookingRequest); tell the mentor
 * BookingConfirmed      → invitations to both (ICS, SEQUENCE 0); reminders 24 h and 1 h before the start;
 *                         auto-completion 2 h after the end (deadline → AutoCompleteBooking)
 * BookingRescheduled    → move the waiting deadlines; an updated invitation (SEQUENCE + 1) when confirmed
 * BookingDeclined, BookingRequestExpired, BookingCancelled (free), BookingNoShowMarked (mentor absent)
 *                       → ReleaseTokenHold
 * BookingCompleted, BookingCancelled (late), BookingNoShowMarked (student absent)
 *                       → CaptureTokenHold
 * TokenHoldCaptured / TokenHoldReleased (the booking's hold) → RecordBookingSettlement
 * BookingSettled        → end
 * </pre>
 *
 * The ledger's own events, not the saga's commands, decide what is settled: if a capture failed and the hold
 * expired instead, the settlement says released. E-mails go through {@link BookingNotifications}, keyed so that a
 * retried step sends nothing twice. Every decision the aggregate must take at a time (expiry, auto-completion) is
 * checked again there, so a deadline that fires late or after a change does no harm.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class BookingSaga {

    static final String RESPONSE_DEADLINE = "booking-response-due";
    static final String REMINDER_DEADLINE = "booking-reminder";
    static final String AUTO_COMPLETE_DEADLINE = "booking-auto-complete";
    static final Duration DAY_BEFORE = Duration.ofHours(24);
    static final Duration HOUR_BEFORE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(BookingSaga.class);

    private UUID bookingId;
    private UUID studentId;
    private UUID mentorId;
    private UUID holdId;
    private Instant start;
    private Instant end;
    private String mentorTimeZone;
    private String meetingUrl;
    private BookingStatus status;
    private int calendarSequence;
    private int moves;
    private Duration autoCompleteAfter;
    private String responseSchedule;
    private String dayReminderSchedule;
    private String hourReminderSchedule;
    private String autoCompleteSchedule;

    // ---- waiting for the mentor -----------------------------------------------------------------------------

    @StartSaga
    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingRequested event, DeadlineManager deadlines, BookingNotifications notifications) {
        bookingId = event.bookingId();
        studentId = event.studentId();
        mentorId = event.mentorId();
        holdId = event.holdId();
        start = event.start();
        end = event.end();
        mentorTimeZone = event.mentorTimeZone();
        status = BookingStatus.REQUESTED;
        SagaLifecycle.associateWith("holdId", holdId.toString());
        responseSchedule = deadlines.schedule(event.respondBy(), RESPONSE_DEADLINE);
        notifications.enqueue(notice(Kind.REQUESTED, List.of(mentorId), null, null));
    }

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingConfirmed event, DeadlineManager deadlines, BookingNotifications notifications,
                   BookingSagaPolicy policy) {
        status = BookingStatus.CONFIRMED;
        meetingUrl = event.meetingUrl();
        calendarSequence = event.calendarSequence();
        autoCompleteAfter = policy.autoCompleteAfter();
        cancel(deadlines, RESPONSE_DEADLINE, responseSchedule);
        responseSchedule = null;
        scheduleSessionDeadlines(deadlines, event.confirmedAt());
        notifications.enqueue(notice(Kind.CONFIRMED, List.of(studentId, mentorId), CalendarMethod.REQUEST, null));
    }

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingRescheduled event, DeadlineManager deadlines, BookingNotifications notifications) {
        start = event.start();
        end = event.end();
        calendarSequence = event.calendarSequence();
        moves++;
        UUID otherParty = event.rescheduledByParty() == BookingParty.STUDENT ? mentorId : studentId;
        if (status == BookingStatus.REQUESTED) {
            cancel(deadlines, RESPONSE_DEADLINE, responseSchedule);
            responseSchedule = deadlines.schedule(event.respondBy(), RESPONSE_DEADLINE);
            notifications.enqueue(notice(Kind.RESCHEDULED, List.of(otherParty), null, null));
        } else {
            cancelSessionDeadlines(deadlines);
            scheduleSessionDeadlines(deadlines, event.rescheduledAt());
            notifications.enqueue(notice(Kind.RESCHEDULED, List.of(studentId, mentorId), CalendarMethod.REQUEST,
                    null));
        }
    }

    @DeadlineHandler(deadlineName = RESPONSE_DEADLINE)
    public void responseDue(DeadlineMessage<?> deadline, CommandGateway commands) {
        send(commands, new ExpireBookingRequest(bookingId));
    }

    // ---- the session ----------------------------------------------------------------------------------------

    @DeadlineHandler(deadlineName = REMINDER_DEADLINE)
    public void remind(BookingReminderDue due, BookingNotifications notifications) {
        if (status == BookingStatus.CONFIRMED && due.start().equals(start)) {
            notifications.enqueue(notice(due.kind(), List.of(studentId, mentorId), null, null));
        }
    }

    @DeadlineHandler(deadlineName = AUTO_COMPLETE_DEADLINE)
    public void autoComplete(DeadlineMessage<?> deadline, CommandGateway commands) {
        send(commands, new AutoCompleteBooking(bookingId));
    }

    // ---- endings: the ledger follows the booking ------------------------------------------------------------

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingDeclined event, DeadlineManager deadlines, CommandGateway commands,
                   BookingNotifications notifications) {
        end(BookingStatus.DECLINED, deadlines);
        release(commands, "declined by the mentor");
        notifications.enqueue(notice(Kind.DECLINED, List.of(studentId), null, event.reason()));
    }

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingRequestExpired event, DeadlineManager deadlines, CommandGateway commands,
                   BookingNotifications notifications) {
        end(BookingStatus.EXPIRED, deadlines);
        release(commands, "the mentor did not answer in time");
        notifications.enqueue(notice(Kind.EXPIRED, List.of(studentId, mentorId), null, null));
    }

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingCancelled event, DeadlineManager deadlines, CommandGateway commands,
                   BookingNotifications notifications) {
        boolean wasConfirmed = event.previousStatus() == BookingStatus.CONFIRMED;
        calendarSequence = event.calendarSequence();
        end(BookingStatus.CANCELLED, deadlines);
        if (event.tokenOutcome() == TokenOutcome.CAPTURE) {
            capture(commands);
        } else {
            release(commands, "cancelled by the " + event.cancelledByParty().name().toLowerCase());
        }
        notifications.enqueue(notice(Kind.CANCELLED, List.of(studentId, mentorId),
                wasConfirmed ? CalendarMethod.CANCEL : null, event.reason()));
    }

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingCompleted event, DeadlineManager deadlines, CommandGateway commands,
                   BookingNotifications notifications) {
        end(BookingStatus.COMPLETED, deadlines);
        capture(commands);
        notifications.enqueue(notice(Kind.COMPLETED, List.of(studentId), null, null));
    }

    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingNoShowMarked event, DeadlineManager deadlines, CommandGateway commands,
                   BookingNotifications notifications) {
        end(BookingStatus.NO_SHOW, deadlines);
        if (event.tokenOutcome() == TokenOutcome.CAPTURE) {
            capture(commands);
        } else {
            release(commands, "the mentor did not come");
        }
        notifications.enqueue(notice(Kind.NO_SHOW, List.of(studentId, mentorId), null,
                event.absentParty().name()));
    }

    @SagaEventHandler(associationProperty = "holdId")
    public void on(TokenHoldCaptured event, @Timestamp Instant at, CommandGateway commands) {
        send(commands, new RecordBookingSettlement(bookingId, holdId, TokenOutcome.CAPTURE, event.amount(), at));
    }

    @SagaEventHandler(associationProperty = "holdId")
    public void on(TokenHoldReleased event, @Timestamp Instant at, CommandGateway commands) {
        send(commands, new RecordBookingSettlement(bookingId, holdId, TokenOutcome.RELEASE, event.amount(), at));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "bookingId")
    public void on(BookingSettled event) {
        // the booking's last fact: nothing left to wait for
    }

    // ---- steps ----------------------------------------------------------------------------------------------

    /**
     * Reminders 24 h and 1 h before the start, unless that moment had passed when the session was confirmed or
     * moved (a reminder that comes late is noise); auto-completion after the end.
     */
    private void scheduleSessionDeadlines(DeadlineManager deadlines, Instant decidedAt) {
        dayReminderSchedule = reminder(deadlines, Kind.REMINDER_24H, start.minus(DAY_BEFORE), decidedAt);
        hourReminderSchedule = reminder(deadlines, Kind.REMINDER_1H, start.minus(HOUR_BEFORE), decidedAt);
        autoCompleteSchedule = deadlines.schedule(end.plus(autoCompleteAfter), AUTO_COMPLETE_DEADLINE);
    }

    private String reminder(DeadlineManager deadlines, Kind kind, Instant at, Instant decidedAt) {
        if (!at.isAfter(decidedAt)) {
            return null;
        }
        return deadlines.schedule(at, REMINDER_DEADLINE, new BookingReminderDue(kind, start));
    }

    private void cancelSessionDeadlines(DeadlineManager deadlines) {
        cancel(deadlines, REMINDER_DEADLINE, dayReminderSchedule);
        cancel(deadlines, REMINDER_DEADLINE, hourReminderSchedule);
        cancel(deadlines, AUTO_COMPLETE_DEADLINE, autoCompleteSchedule);
        dayReminderSchedule = null;
        hourReminderSchedule = null;
        autoCompleteSchedule = null;
    }

    private void end(BookingStatus finalStatus, DeadlineManager deadlines) {
        status = finalStatus;
        cancel(deadlines, RESPONSE_DEADLINE, responseSchedule);
        responseSchedule = null;
        cancelSessionDeadlines(deadlines);
    }

    private static void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }

    private void capture(CommandGateway commands) {
        send(commands, new CaptureTokenHold(studentId, holdId, null));
    }

    private void release(CommandGateway commands, String why) {
        send(commands, new ReleaseTokenHold(studentId, holdId, null, why));
    }

    private BookingNotice notice(Kind kind, List<UUID> recipients, CalendarMethod calendar, String detail) {
        return new BookingNotice(kind, bookingId, recipients, studentId, mentorId, start, end, mentorTimeZone,
                meetingUrl, calendar, calendarSequence, moves, detail);
    }

    /** Commands of the saga act for the platform, not for whoever caused the event. */
    private void send(CommandGateway commands, Object command) {
        commands.send(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)),
                (message, result) -> {
                    if (result.isExceptional()) {
                        log.error("Booking {}: {} failed", bookingId, command.getClass().getSimpleName(),
                                result.exceptionResult());
                    }
                });
    }
}

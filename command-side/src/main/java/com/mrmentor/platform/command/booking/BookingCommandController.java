package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.booking.AcceptBooking;
import com.mrmentor.platform.shared.booking.CancelBooking;
import com.mrmentor.platform.shared.booking.CompleteBooking;
import com.mrmentor.platform.shared.booking.DeclineBooking;
import com.mrmentor.platform.shared.booking.JoinBooking;
import com.mrmentor.platform.shared.booking.KeepMentorNote;
import com.mrmentor.platform.shared.booking.MarkNoShow;
import com.mrmentor.platform.shared.booking.RateSession;
import com.mrmentor.platform.shared.booking.RequestBooking;
import com.mrmentor.platform.shared.booking.RescheduleBooking;
import com.mrmentor.platform.shared.booking.SessionExperience;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Bookings of 30-minute sessions, from request to feedback. The acting party is always the caller; whether they
 * are the booking's student or mentor is the booking's to check, so someone else's booking answers 403.
 */
@RestController
@RequestMapping("/api/bookings")
@Tag(name = "Bookings: commands")
public class BookingCommandController {

    private final CommandSender commands;

    public BookingCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Book a free slot of a mentor (STUDENT): the price is held in your wallet until the session "
            + "ends; 409 slot-unavailable if the time was taken, 409 insufficient-tokens if you cannot pay")
    public ResponseEntity<BookingWorkflow.Requested> request(@Valid @RequestBody BookingRequest request,
                                                             Authentication caller, HttpServletRequest http) {
        UUID bookingId = RequestScopedIds.of("booking", (UUID) http.getAttribute(RequestScopedIds.CLAIM_ATTRIBUTE));
        BookingWorkflow.Requested requested = commands.send(new RequestBooking(bookingId, Actor.id(caller),
                request.mentorId(), request.start(), request.topic()));
        return ResponseEntity.created(URI.create("/api/bookings/" + bookingId)).body(requested);
    }

    @PostMapping("/{bookingId}/accept")
    @Operation(summary = "Accept a request (the booking's mentor): confirmed, with a meeting link; both receive a "
            + "calendar invitation")
    public Accepted accept(@PathVariable UUID bookingId, Authentication caller) {
        String url = commands.send(new AcceptBooking(bookingId, Actor.id(caller)));
        return new Accepted(bookingId, "CONFIRMED", url);
    }

    @PostMapping("/{bookingId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decline a request with a reason (the booking's mentor): the tokens go back")
    public void decline(@PathVariable UUID bookingId, @Valid @RequestBody ReasonRequest request,
                        Authentication caller) {
        commands.send(new DeclineBooking(bookingId, Actor.id(caller), request.reason()));
    }

    @PostMapping("/{bookingId}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel with a reason (either party, before the start). Student: free until 48 hours before a "
            + "confirmed session, captured later; a request not yet accepted is always free. Mentor: always free for "
            + "the student, and counted in the mentor's reliability")
    public void cancel(@PathVariable UUID bookingId, @Valid @RequestBody ReasonRequest request,
                       Authentication caller) {
        commands.send(new CancelBooking(bookingId, Actor.id(caller), request.reason()));
    }

    @PostMapping("/{bookingId}/reschedule")
    @Operation(summary = "Move to another free slot of the mentor (either party, until 1 hour before the start); the "
            + "tokens stay held, a confirmed session's invitation is updated")
    public BookingWorkflow.Rescheduled reschedule(@PathVariable UUID bookingId,
                                                  @Valid @RequestBody RescheduleRequest request,
                                                  Authentication caller) {
        return commands.send(new RescheduleBooking(bookingId, Actor.id(caller), request.start()));
    }

    @PostMapping("/{bookingId}/join")
    @Operation(summary = "Join a confirmed session (either party, from 15 minutes before the start to its end): "
            + "records your first join time and answers the meeting link")
    public Booking.JoinResult join(@PathVariable UUID bookingId, Authentication caller) {
        return commands.send(new JoinBooking(bookingId, Actor.id(caller)));
    }

    @PostMapping("/{bookingId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete a confirmed session after its start (the booking's mentor): the tokens are captured")
    public void complete(@PathVariable UUID bookingId, Authentication caller) {
        commands.send(new CompleteBooking(bookingId, Actor.id(caller)));
    }

    @PostMapping("/{bookingId}/no-show")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Report that the other party has not joined 10 minutes after the start (either party). "
            + "Student absent: tokens captured; mentor absent: tokens released")
    public void noShow(@PathVariable UUID bookingId, Authentication caller) {
        commands.send(new MarkNoShow(bookingId, Actor.id(caller)));
    }

    @PostMapping("/{bookingId}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a completed session (the booking's student, once, within 14 days)")
    public void feedback(@PathVariable UUID bookingId, @Valid @RequestBody FeedbackRequest request,
                         Authentication caller) {
        commands.send(new RateSession(bookingId, Actor.id(caller), request.stars(), request.experience(),
                request.mentorOnTime(), request.comment()));
    }

    @PostMapping("/{bookingId}/notes")
    @Operation(summary = "Keep a private note on a booking (the booking's mentor; nobody else ever reads it)")
    public ResponseEntity<NoteKept> note(@PathVariable UUID bookingId, @Valid @RequestBody NoteRequest request,
                                         Authentication caller, HttpServletRequest http) {
        UUID noteId = RequestScopedIds.of("mentor-note", (UUID) http.getAttribute(RequestScopedIds.CLAIM_ATTRIBUTE));
        commands.send(new KeepMentorNote(bookingId, Actor.id(caller), noteId, request.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new NoteKept(bookingId, noteId));
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    public record BookingRequest(@NotNull UUID mentorId, @NotNull Instant start,
                                 @NotBlank @Size(max = 500) String topic) {
    }

    public record RescheduleRequest(@NotNull Instant start) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record FeedbackRequest(@NotNull @Min(1) @Max(5) Integer stars, @NotNull SessionExperience experience,
                                  @NotNull Boolean mentorOnTime, @Size(max = 2000) String comment) {
    }

    public record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    public record Accepted(UUID bookingId, String status, String meetingUrl) {
    }

    public record NoteKept(UUID bookingId, UUID noteId) {
    }
}

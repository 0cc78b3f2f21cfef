package com.mrmentor.platform.query.booking;

import com.mrmentor.platform.shared.booking.BookingPage;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.BookingView;
import com.mrmentor.platform.shared.booking.FindBooking;
import com.mrmentor.platform.shared.booking.FindBookings;
import com.mrmentor.platform.shared.booking.FindMentorNotes;
import com.mrmentor.platform.shared.booking.FindMentorReliability;
import com.mrmentor.platform.shared.booking.MentorNoteView;
import com.mrmentor.platform.shared.booking.MentorReliability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of bookings. A booking is visible to its student and its mentor, and to ADMIN and AUDITOR; to anyone else it
 * does not exist (404), so ids cannot be probed. The mentor's notes are the mentor's alone.
 */
@RestController
@Validated
@Tag(name = "Bookings: queries")
public class BookingQueryController {

    private static final Set<String> OVERSEERS = Set.of("ROLE_ADMIN", "ROLE_AUDITOR");

    private final QueryGateway queries;
    private final Clock clock;

    public BookingQueryController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/bookings")
    @Operation(summary = "Your bookings (signed in): as=student|mentor|any, status, when=upcoming (soonest first) "
            + "or past (latest first)")
    public BookingPage mine(@RequestParam(defaultValue = "any") Side as,
                            @RequestParam(required = false) BookingStatus status,
                            @RequestParam(required = false) When when,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                            Authentication caller) {
        UUID me = UUID.fromString(caller.getName());
        return queries.query(new FindBookings(as == Side.any ? me : null, as == Side.student ? me : null,
                        as == Side.mentor ? me : null, status, when == null ? null : when == When.upcoming,
                        clock.instant(), page, size),
                ResponseTypes.instanceOf(BookingPage.class)).join();
    }

    @GetMapping("/api/bookings/{bookingId}")
    @Operation(summary = "A booking with its timeline and rating (its student and mentor, ADMIN, AUDITOR)")
    public BookingView booking(@PathVariable UUID bookingId, Authentication caller) {
        BookingView booking = queries.query(new FindBooking(bookingId), ResponseTypes.instanceOf(BookingView.class))
                .join();
        UUID me = UUID.fromString(caller.getName());
        if (booking == null || !(me.equals(booking.studentId()) || me.equals(booking.mentorId())
                || isOverseer(caller))) {
            throw new ResponseStatusException(NOT_FOUND, "No such booking");
        }
        return booking;
    }

    @GetMapping("/api/bookings/{bookingId}/notes")
    @Operation(summary = "Your private notes on a booking (the booking's mentor only)")
    public List<MentorNoteView> notes(@PathVariable UUID bookingId, Authentication caller) {
        BookingView booking = queries.query(new FindBooking(bookingId), ResponseTypes.instanceOf(BookingView.class))
                .join();
        if (booking == null || !booking.mentorId().toString().equals(caller.getName())) {
            throw new ResponseStatusException(NOT_FOUND, "No such booking");
        }
        return queries.query(new FindMentorNotes(bookingId), ResponseTypes.multipleInstancesOf(MentorNoteView.class))
                .join();
    }

    @GetMapping("/api/admin/bookings")
    @Operation(summary = "All bookings (ADMIN, AUDITOR), filtered by status, mentor, student and when")
    public BookingPage all(@RequestParam(required = false) BookingStatus status,
                           @RequestParam(required = false) UUID mentorId,
                           @RequestParam(required = false) UUID studentId,
                           @RequestParam(required = false) When when,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return queries.query(new FindBookings(null, studentId, mentorId, status,
                        when == null ? null : when == When.upcoming, clock.instant(), page, size),
                ResponseTypes.instanceOf(BookingPage.class)).join();
    }

    @GetMapping("/api/mentors/{mentorId}/reliability")
    @Operation(summary = "A mentor's record with bookings: requests, declines, expiries, completions, cancellations "
            + "and no-shows by side, and reliability = completed / (completed + mentor cancellations + mentor "
            + "no-shows) (the mentor, ADMIN, AUDITOR)")
    public MentorReliability reliability(@PathVariable UUID mentorId, Authentication caller) {
        if (!mentorId.toString().equals(caller.getName()) && !isOverseer(caller)) {
            throw new ResponseStatusException(NOT_FOUND, "No such mentor");
        }
        return queries.query(new FindMentorReliability(mentorId), ResponseTypes.instanceOf(MentorReliability.class))
                .join();
    }

    private static boolean isOverseer(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> OVERSEERS.contains(a.getAuthority()));
    }

    /** Which side of one's bookings to list. */
    public enum Side { student, mentor, any }

    /** Upcoming or past bookings. */
    public enum When { upcoming, past }
}

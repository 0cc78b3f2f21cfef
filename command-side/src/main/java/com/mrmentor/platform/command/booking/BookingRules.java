package com.mrmentor.platform.command.booking;

import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The booking context's rule violations, one factory per stable problem type. */
final class BookingRules {

    private BookingRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation invalid(String what, String why) {
        return new RuleViolation("invalid-" + what, Kind.UNPROCESSABLE, "The " + what + " " + why);
    }

    static RuleViolation slotUnavailable() {
        return new RuleViolation("slot-unavailable", Kind.CONFLICT,
                "Another booking already holds that time with this mentor");
    }

    static RuleViolation duplicateBooking() {
        return new RuleViolation("duplicate-booking", Kind.CONFLICT, "A booking with this id exists already");
    }

    static RuleViolation studentBusy() {
        return new RuleViolation("student-busy", Kind.CONFLICT,
                "The student already has a session booked at that time");
    }

    static RuleViolation ownSlot() {
        return new RuleViolation("own-slot", Kind.FORBIDDEN, "A mentor cannot book a session with themselves");
    }

    static RuleViolation notAParty() {
        return new RuleViolation("not-your-booking", Kind.FORBIDDEN, "This booking is not yours");
    }

    static RuleViolation mentorOnly(String action) {
        return new RuleViolation("mentor-only", Kind.FORBIDDEN, "Only the booking's mentor can " + action);
    }

    static RuleViolation studentOnly(String action) {
        return new RuleViolation("student-only", Kind.FORBIDDEN, "Only the booking's student can " + action);
    }

    static RuleViolation wrongStatus(BookingStatus status, String action) {
        return new RuleViolation("booking-not-" + action.replace(' ', '-'), Kind.CONFLICT,
                "The booking is " + status + "; it cannot be " + action);
    }

    static RuleViolation requestExpired() {
        return new RuleViolation("booking-request-expired", Kind.CONFLICT,
                "The time to answer this request has passed");
    }

    static RuleViolation sessionStarted(String action) {
        return new RuleViolation("session-started", Kind.CONFLICT,
                "The session has started; it can no longer be " + action);
    }

    static RuleViolation sessionNotStarted() {
        return new RuleViolation("session-not-started", Kind.CONFLICT, "The session has not started yet");
    }

    static RuleViolation rescheduleTooLate(long cutoffMinutes) {
        return new RuleViolation("reschedule-too-late", Kind.CONFLICT,
                "A session can be moved until " + cutoffMinutes + " minutes before its start");
    }

    static RuleViolation sameStart() {
        return new RuleViolation("same-start", Kind.UNPROCESSABLE, "The booking already starts at that time");
    }

    static RuleViolation notJoinable(String why) {
        return new RuleViolation("session-not-joinable", Kind.CONFLICT, "The session cannot be joined " + why);
    }

    static RuleViolation noShowTooEarly(long minutes) {
        return new RuleViolation("no-show-too-early", Kind.CONFLICT,
                "A no-show can be reported " + minutes + " minutes after the start at the earliest");
    }

    static RuleViolation partyJoined() {
        return new RuleViolation("party-joined", Kind.CONFLICT, "The other party has joined the session");
    }

    static RuleViolation alreadyRated() {
        return new RuleViolation("already-rated", Kind.CONFLICT, "This session has been rated already");
    }

    static RuleViolation feedbackClosed(long days) {
        return new RuleViolation("feedback-window-closed", Kind.CONFLICT,
                "A session can be rated within " + days + " days of its completion");
    }

    static RuleViolation notSettleable(BookingStatus status) {
        return new RuleViolation("booking-still-open", Kind.CONFLICT,
                "The booking is " + status + "; its tokens cannot be settled yet");
    }

    static RuleViolation insufficientTokens(long available, long price) {
        return new RuleViolation("insufficient-tokens", Kind.CONFLICT,
                "The session costs " + price + " tokens; " + available + " are available");
    }
}

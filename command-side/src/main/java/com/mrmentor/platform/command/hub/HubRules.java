package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The hub context's rule violations, one factory per stable problem type. */
final class HubRules {

    private HubRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation invalid(String what, String why) {
        return new RuleViolation("invalid-" + what, Kind.UNPROCESSABLE, "The " + what + " " + why);
    }

    static RuleViolation mentorNotFound() {
        return new RuleViolation("mentor-not-found", Kind.NOT_FOUND, "No mentor with this id");
    }

    static RuleViolation mentorNotActive() {
        return new RuleViolation("mentor-not-active", Kind.CONFLICT, "The mentor is not active");
    }

    static RuleViolation applyToSelf() {
        return new RuleViolation("cannot-apply-to-self", Kind.UNPROCESSABLE, "A mentor cannot apply to themselves");
    }

    static RuleViolation applicationOpen() {
        return new RuleViolation("application-already-open", Kind.CONFLICT,
                "You already have an open application to this mentor");
    }

    static RuleViolation menteeAlreadyPaired() {
        return new RuleViolation("mentee-already-paired", Kind.CONFLICT, "The mentee is already paired with a mentor");
    }

    static RuleViolation applicationNotFound() {
        return new RuleViolation("application-not-found", Kind.NOT_FOUND, "No such application");
    }

    static RuleViolation duplicateApplication() {
        return new RuleViolation("duplicate-application", Kind.CONFLICT, "This application id is taken");
    }

    static RuleViolation notYourApplication() {
        return new RuleViolation("not-your-application", Kind.FORBIDDEN,
                "Only the application's mentor (or an administrator) decides it");
    }

    static RuleViolation applicationDecided(Object status) {
        return new RuleViolation("application-decided", Kind.CONFLICT,
                "The application is " + status + " already; a decided application does not change");
    }

    static RuleViolation invalidTransition(Object from, Object to) {
        return new RuleViolation("invalid-transition", Kind.CONFLICT,
                "An application cannot move from " + from + " to " + to
                        + "; the mentor goes PENDING → INVITED_FOR_INTERVIEW → INTERVIEWED → ACCEPTED | REJECTED");
    }

    static RuleViolation atCapacity(int maxMentees) {
        return new RuleViolation("mentor-at-capacity", Kind.CONFLICT,
                "The mentor has " + maxMentees + " mentees already, their maximum");
    }

    static RuleViolation capacityBelowMentees(int active) {
        return new RuleViolation("capacity-below-mentees", Kind.CONFLICT,
                "The mentor has " + active + " mentees; release some before lowering the capacity below that");
    }

    static RuleViolation pairingNotFound() {
        return new RuleViolation("pairing-not-found", Kind.NOT_FOUND, "No such pairing");
    }

    static RuleViolation pairingEnded() {
        return new RuleViolation("pairing-ended", Kind.CONFLICT, "The pairing has ended");
    }

    static RuleViolation notInPairing() {
        return new RuleViolation("not-in-pairing", Kind.FORBIDDEN, "Only the paired mentor and mentee may do this");
    }

    static RuleViolation notYourCircle() {
        return new RuleViolation("not-your-circle", Kind.FORBIDDEN,
                "Only the mentor (or an administrator) manages the mentor's groups");
    }

    static RuleViolation duplicateGroup() {
        return new RuleViolation("duplicate-group", Kind.CONFLICT, "This group id is taken");
    }

    static RuleViolation groupNotFound() {
        return new RuleViolation("group-not-found", Kind.NOT_FOUND, "No such group");
    }

    static RuleViolation notPairedWithMentor() {
        return new RuleViolation("not-paired-with-mentor", Kind.FORBIDDEN,
                "Only mentees paired with the group's mentor may join it");
    }

    static RuleViolation alreadyInGroup() {
        return new RuleViolation("already-in-group", Kind.CONFLICT, "You are in this group already");
    }

    static RuleViolation notInGroup() {
        return new RuleViolation("not-in-group", Kind.CONFLICT, "You are not in this group");
    }

    static RuleViolation groupFull(int maxSize) {
        return new RuleViolation("group-full", Kind.CONFLICT, "The group has " + maxSize + " members, its maximum");
    }

    static RuleViolation supportRequestNotFound() {
        return new RuleViolation("support-request-not-found", Kind.NOT_FOUND, "No such support request");
    }

    static RuleViolation supportRequestResolved() {
        return new RuleViolation("support-request-resolved", Kind.CONFLICT, "The support request is resolved already");
    }
}

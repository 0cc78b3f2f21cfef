package com.mrmentor.platform.command.mentorship;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The mentorship context's rule violations, one factory per stable problem type. */
final class MentorRules {

    private MentorRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation invalid(String what, String why) {
        return new RuleViolation("invalid-" + what, Kind.UNPROCESSABLE, "The " + what + " " + why);
    }

    static RuleViolation applicationPending() {
        return new RuleViolation("mentor-application-pending", Kind.CONFLICT,
                "An application is already waiting for a decision");
    }

    static RuleViolation alreadyMentor() {
        return new RuleViolation("already-mentor", Kind.CONFLICT, "This user is a mentor already");
    }

    static RuleViolation noOpenApplication() {
        return new RuleViolation("no-open-mentor-application", Kind.CONFLICT,
                "There is no application waiting for a decision");
    }

    static RuleViolation selfDecision() {
        return new RuleViolation("self-approval", Kind.FORBIDDEN,
                "An administrator cannot decide their own mentor application");
    }

    static RuleViolation notActive(Object status) {
        return new RuleViolation("mentor-not-active", Kind.CONFLICT, "The mentor is not active; they are " + status);
    }

    static RuleViolation notSuspended() {
        return new RuleViolation("mentor-not-suspended", Kind.CONFLICT, "The mentor is not suspended");
    }

    static RuleViolation notAMentor() {
        return new RuleViolation("not-a-mentor", Kind.NOT_FOUND, "No such mentor");
    }

    static RuleViolation slotNotOffered() {
        return new RuleViolation("slot-unavailable", Kind.CONFLICT,
                "The mentor does not offer a session at that time");
    }
}

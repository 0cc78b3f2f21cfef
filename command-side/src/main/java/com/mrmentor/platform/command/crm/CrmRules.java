package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The CRM context's rule violations, one factory per stable problem type. */
public final class CrmRules {

    /** The most leads one assignment request may name. */
    public static final int MAX_BULK_LEADS = 5000;

    private CrmRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation invalid(String what, String why) {
        return new RuleViolation("invalid-" + what, Kind.UNPROCESSABLE, "The " + what + " " + why);
    }

    /** Two arrivals claimed the same phone or e-mail at once; the loser is retried as a duplicate. */
    public static final String CONTACT_CLAIMED = "lead-contact-claimed";

    static RuleViolation contactClaimed() {
        return new RuleViolation(CONTACT_CLAIMED, Kind.CONFLICT, "Another lead took this phone or e-mail just now");
    }

    public static RuleViolation leadNotFound() {
        return new RuleViolation("lead-not-found", Kind.NOT_FOUND, "No such lead");
    }

    static RuleViolation duplicateLeadId() {
        return new RuleViolation("duplicate-lead", Kind.CONFLICT, "This lead id is taken");
    }

    static RuleViolation notYourLead() {
        return new RuleViolation("not-your-lead", Kind.FORBIDDEN, "Only the lead's rep (or a sales head) may do this");
    }

    static RuleViolation leadClosed(Object status) {
        return new RuleViolation("lead-closed", Kind.CONFLICT, "The lead is " + status + "; a closed lead does not change");
    }

    static RuleViolation invalidTransition(Object from, Object to) {
        return new RuleViolation("invalid-transition", Kind.CONFLICT, "A lead cannot move from " + from + " to " + to);
    }

    static RuleViolation alreadyAssigned() {
        return new RuleViolation("already-assigned-to-rep", Kind.CONFLICT, "The lead is assigned to this rep already");
    }

    static RuleViolation repUnavailable(Object availability) {
        return new RuleViolation("rep-unavailable", Kind.CONFLICT, "The rep is " + availability);
    }

    static RuleViolation followUpNotFound() {
        return new RuleViolation("follow-up-not-found", Kind.NOT_FOUND, "No open follow-up with this id on the lead");
    }

    public static RuleViolation requestNotFound() {
        return new RuleViolation("assignment-request-not-found", Kind.NOT_FOUND, "No such assignment request");
    }

    static RuleViolation requestDecided(Object status) {
        return new RuleViolation("assignment-request-decided", Kind.CONFLICT, "The request is " + status + " already");
    }

    static RuleViolation ownRequest() {
        return new RuleViolation("cannot-decide-own-request", Kind.FORBIDDEN,
                "The requester cannot approve or reject their own request");
    }

    public static RuleViolation tooManyLeads(int max) {
        return new RuleViolation("too-many-leads", Kind.UNPROCESSABLE, "At most " + max + " leads per request");
    }
}

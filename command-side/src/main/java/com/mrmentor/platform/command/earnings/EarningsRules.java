package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.earnings.PayoutStatus;

/** The earnings context's rule violations, one factory per stable problem type. */
final class EarningsRules {

    private EarningsRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation unknownSessionEarning() {
        return new RuleViolation("unknown-session-earning", Kind.NOT_FOUND, "This mentor earned nothing for that session");
    }

    static RuleViolation earningReversed() {
        return new RuleViolation("earning-already-reversed", Kind.CONFLICT, "This session's earning was reversed already");
    }

    static RuleViolation belowMinimum(long minimum) {
        return new RuleViolation("payout-below-minimum", Kind.UNPROCESSABLE,
                "A payout must be at least " + minimum + " paise");
    }

    static RuleViolation insufficientEarnings(long available) {
        return new RuleViolation("insufficient-earnings", Kind.CONFLICT,
                "The payout is larger than the available balance (" + available + " paise)");
    }

    static RuleViolation invalidDestination(String detail) {
        return new RuleViolation("invalid-destination", Kind.BAD_REQUEST, "The payout destination is not valid: " + detail);
    }

    static RuleViolation unknownPayout() {
        return new RuleViolation("unknown-payout", Kind.NOT_FOUND, "No such payout");
    }

    static RuleViolation fourEyes() {
        return new RuleViolation("four-eyes", Kind.FORBIDDEN,
                "A payout is decided by someone other than the mentor who requested it");
    }

    static RuleViolation notPending(PayoutStatus status) {
        return new RuleViolation("payout-not-pending", Kind.CONFLICT, "Only a pending payout can be approved; this one is "
                + status);
    }

    static RuleViolation notOpen(PayoutStatus status) {
        return new RuleViolation("payout-already-sent", Kind.CONFLICT,
                "Only a payout not yet sent can be rejected or cancelled; this one is " + status);
    }

    static RuleViolation notQueued(PayoutStatus status) {
        return new RuleViolation("payout-not-approved", Kind.CONFLICT, "Only an approved payout can be sent; this one is "
                + status);
    }

    static RuleViolation destinationOnHold(Object until) {
        return new RuleViolation("destination-on-hold", Kind.CONFLICT,
                "The payout destination changed recently; payouts to it wait until " + until);
    }

    static RuleViolation notYourPayout() {
        return new RuleViolation("unknown-payout", Kind.NOT_FOUND, "No such payout");
    }

    static RuleViolation providerUnavailable(String detail) {
        return new RuleViolation("payout-provider-unavailable", Kind.UNAVAILABLE,
                "The payout provider could not be reached (" + detail + "); try again");
    }

    static RuleViolation invalidSignature() {
        return new RuleViolation("invalid-signature", Kind.BAD_REQUEST, "The signature does not match");
    }

    static RuleViolation malformedWebhook(String detail) {
        return new RuleViolation("malformed-webhook", Kind.BAD_REQUEST, "The webhook cannot be read: " + detail);
    }

    static RuleViolation providerMismatch() {
        return new RuleViolation("payout-provider-mismatch", Kind.BAD_REQUEST,
                "The provider's payout is not this payout's, or its amount differs");
    }

    static RuleViolation duplicateProviderEvent() {
        return new RuleViolation("duplicate-provider-event", Kind.CONFLICT, "This provider event was processed");
    }

    static RuleViolation duplicatePayout() {
        return new RuleViolation("duplicate-payout", Kind.CONFLICT, "A payout with this id exists");
    }
}

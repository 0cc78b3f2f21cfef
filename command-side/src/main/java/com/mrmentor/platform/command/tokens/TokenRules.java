package com.mrmentor.platform.command.tokens;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The token ledger's rule violations, one factory per stable problem type. */
final class TokenRules {

    private TokenRules() {
    }

    static RuleViolation invalidAmount(long amount) {
        return new RuleViolation("invalid-amount", Kind.UNPROCESSABLE,
                "Amount must be a positive number of tokens, was " + amount);
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation expiryNotInFuture(String what) {
        return new RuleViolation("expiry-not-in-future", Kind.UNPROCESSABLE,
                "The " + what + "'s expiresAt must lie in the future");
    }

    static RuleViolation duplicateGrant() {
        return new RuleViolation("duplicate-grant", Kind.CONFLICT, "A grant with this id exists already");
    }

    static RuleViolation grantNotFound() {
        return new RuleViolation("grant-not-found", Kind.NOT_FOUND, "No such grant");
    }

    static RuleViolation grantNotPending(Object status) {
        return new RuleViolation("grant-not-pending", Kind.CONFLICT,
                "The grant is not waiting for approval; it is " + status);
    }

    static RuleViolation selfApproval() {
        return new RuleViolation("self-approval", Kind.FORBIDDEN,
                "The requester of a grant cannot approve it; a second approver must");
    }

    static RuleViolation grantExpiryPassed() {
        return new RuleViolation("grant-expiry-passed", Kind.CONFLICT,
                "The grant's expiry passed while it waited for approval; request it again");
    }

    static RuleViolation grantRequestLapsed() {
        return new RuleViolation("grant-request-lapsed", Kind.CONFLICT,
                "The grant request was not decided within its approval window and has lapsed");
    }

    static RuleViolation amountTooLarge() {
        return new RuleViolation("amount-too-large", Kind.UNPROCESSABLE,
                "The wallet cannot hold that many tokens");
    }

    static RuleViolation grantNotRevocable(Object status) {
        return new RuleViolation("grant-not-revocable", Kind.CONFLICT,
                "Only a granted lot with tokens left can be revoked; this grant is " + status);
    }

    static RuleViolation duplicateHold() {
        return new RuleViolation("duplicate-hold", Kind.CONFLICT, "A hold with this id exists already");
    }

    static RuleViolation holdNotFound() {
        return new RuleViolation("hold-not-found", Kind.NOT_FOUND, "No such hold");
    }

    static RuleViolation holdAlreadyResolved() {
        return new RuleViolation("hold-already-resolved", Kind.CONFLICT,
                "The hold was already captured, released or expired");
    }

    static RuleViolation holdExpired() {
        return new RuleViolation("hold-expired", Kind.CONFLICT,
                "The hold's expiry has passed; its tokens are being released");
    }

    static RuleViolation insufficientTokens(long available, long requested) {
        return new RuleViolation("insufficient-tokens", Kind.CONFLICT,
                "Only " + available + " tokens are available, " + requested + " were requested");
    }

    static RuleViolation expiryNotLater() {
        return new RuleViolation("invalid-expiry", Kind.UNPROCESSABLE,
                "The new expiry must be later than the hold's current expiry");
    }
}

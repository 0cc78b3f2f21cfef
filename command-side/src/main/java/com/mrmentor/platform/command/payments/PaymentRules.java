package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The payments context's rule violations, one factory per stable problem type. */
final class PaymentRules {

    private PaymentRules() {
    }

    static RuleViolation unknownPack() {
        return new RuleViolation("unknown-pack", Kind.BAD_REQUEST, "No such token pack is on sale");
    }

    static RuleViolation gstinStateMismatch() {
        return new RuleViolation("gstin-state-mismatch", Kind.UNPROCESSABLE,
                "The GSTIN is registered in another state than the billing state");
    }

    static RuleViolation unknownOrder() {
        return new RuleViolation("unknown-payment-order", Kind.BAD_REQUEST, "No such payment order");
    }

    static RuleViolation invalidSignature() {
        return new RuleViolation("invalid-signature", Kind.BAD_REQUEST, "The signature does not match");
    }

    static RuleViolation amountMismatch() {
        return new RuleViolation("payment-amount-mismatch", Kind.BAD_REQUEST,
                "The payment's amount or currency is not the order's");
    }

    static RuleViolation paymentAlreadyUsed() {
        return new RuleViolation("payment-already-used", Kind.BAD_REQUEST,
                "This payment was already recorded for another order");
    }

    static RuleViolation orderAlreadyPaid() {
        return new RuleViolation("order-already-paid", Kind.CONFLICT,
                "The order was paid by another payment; refund this one from the provider's dashboard");
    }

    static RuleViolation malformedWebhook(String detail) {
        return new RuleViolation("malformed-webhook", Kind.BAD_REQUEST, "The webhook cannot be read: " + detail);
    }

    static RuleViolation unknownRefund() {
        return new RuleViolation("unknown-refund", Kind.BAD_REQUEST, "No such refund for this payment");
    }

    static RuleViolation duplicateProviderEvent() {
        return new RuleViolation("duplicate-provider-event", Kind.CONFLICT, "This provider event was processed");
    }

    static RuleViolation duplicateOrder() {
        return new RuleViolation("duplicate-payment-order", Kind.CONFLICT, "A payment order with this id exists");
    }

    static RuleViolation providerUnavailable(String detail) {
        return new RuleViolation("payment-provider-unavailable", Kind.UNAVAILABLE,
                "The payment provider did not create the order (" + detail + "); try again");
    }

    static RuleViolation paymentNotFound() {
        return new RuleViolation("payment-not-found", Kind.NOT_FOUND, "No such payment");
    }

    static RuleViolation paymentNotRefundable(Object status) {
        return new RuleViolation("payment-not-refundable", Kind.CONFLICT,
                "Only a paid order can be refunded; this one is " + status);
    }

    static RuleViolation refundExists() {
        return new RuleViolation("refund-exists", Kind.CONFLICT, "This purchase was refunded already");
    }

    static RuleViolation nothingToRefund() {
        return new RuleViolation("nothing-to-refund", Kind.CONFLICT,
                "Every token of this purchase was spent, expired or revoked");
    }

    static RuleViolation purchaseTokensHeld(long held) {
        return new RuleViolation("purchase-tokens-held", Kind.CONFLICT,
                held + " tokens of this purchase are held by an open booking; refund once it has settled");
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }
}

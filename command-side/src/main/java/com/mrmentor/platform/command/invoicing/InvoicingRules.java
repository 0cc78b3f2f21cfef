package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;

/** The invoicing context's rule violations. */
final class InvoicingRules {

    private InvoicingRules() {
    }

    static RuleViolation missing(String what) {
        return new RuleViolation("missing-" + what, Kind.UNPROCESSABLE, "A " + what + " is required");
    }

    static RuleViolation seriesExhausted(String prefix, String financialYear) {
        return new RuleViolation("document-series-exhausted", Kind.CONFLICT, "The series " + prefix + " has no "
                + "16-character number left in " + financialYear + "; configure a shorter prefix");
    }

    static RuleViolation pointOfTaxationUnchanged() {
        return new RuleViolation("point-of-taxation-unchanged", Kind.CONFLICT,
                "That point of taxation is already in force");
    }
}

package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers on {@link RuleViolation}s, for the fixtures' {@code expectException}. */
final class Violations {

    private Violations() {
    }

    /** A rule violation with the stable code {@code code} and the kind {@code kind}. */
    static Matcher<RuleViolation> violation(String code, RuleViolation.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation actual) {
                return actual.code().equals(code) && actual.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation " + code + " (" + kind + ")");
            }

            @Override
            protected void describeMismatchSafely(RuleViolation actual, Description mismatch) {
                mismatch.appendText("was " + actual.code() + " (" + actual.kind() + "): " + actual.getMessage());
            }
        };
    }
}

package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.equalTo;

/** Hamcrest matchers on {@link RuleViolation}s, for the fixtures' {@code expectException}. */
final class Violations {

    private Violations() {
    }

    /** A rule violation whose stable code is {@code code}. */
    static Matcher<RuleViolation> violation(String code) {
        return new FeatureMatcher<>(equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.code();
            }
        };
    }
}

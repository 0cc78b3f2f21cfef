package com.mrmentor.platform.query.audit;

import com.mrmentor.platform.shared.common.RuleViolation;

import java.time.Clock;
import java.time.Instant;

/** The instant an "as of" read is for: the one asked, or now; the log knows nothing of the future. */
final class AsOf {

    private AsOf() {
    }

    static Instant resolve(Instant asOf, Clock clock) {
        Instant now = clock.instant();
        if (asOf == null) {
            return now;
        }
        if (asOf.isAfter(now)) {
            throw new RuleViolation("as-of-in-future", RuleViolation.Kind.BAD_REQUEST,
                    "asOf " + asOf + " is later than now (" + now + "); give an instant in the past");
        }
        return asOf;
    }
}

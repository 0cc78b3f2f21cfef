package com.mrmentor.platform.command.tokens;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock that reads the test fixture's current time, so that a handler sees the time the fixture is at: the
 * "given" time, and while a deadline fires, the deadline's time.
 */
final class FixtureClock extends Clock {

    private final Supplier<Instant> now;

    FixtureClock(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is always UTC");
    }
}

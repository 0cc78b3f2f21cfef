package com.mrmentor.platform.runtime.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The platform's clock in the integration tests: real time, optionally shifted. A test that needs something to have
 * happened long ago (a request 48 hours before its expiry, a session that started 20 minutes ago) moves the clock
 * back, acts, and resets it; the deadlines it scheduled then fall due in real time, a few seconds later, on the real
 * persistent scheduler. Only the domain reads this clock (aggregates, sagas' commands); the deadline scheduler and
 * the outbox keep wall-clock time.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, the clock reads {@code instant} now (and runs on from there). */
    public void travelTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    /** Back to real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the platform reads instants in UTC");
    }
}

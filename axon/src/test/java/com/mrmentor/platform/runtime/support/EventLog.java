package com.mrmentor.platform.runtime.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Reads of the event table for tests that need to know when something was stored (event timestamps are wall-clock
 * time, not the test clock).
 */
public final class EventLog {

    private final JdbcTemplate jdbc;

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * When the last event of the given aggregates was stored. The column is ISO text whose fraction varies in length,
     * so instants are compared parsed, never as strings.
     */
    public Instant lastStoredAt(List<String> aggregateIdentifiers) {
        String marks = String.join(", ", Collections.nCopies(aggregateIdentifiers.size(), "?"));
        return jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier IN (" + marks
                        + ")", String.class, aggregateIdentifiers.toArray()).stream()
                .map(Instant::parse).max(Instant::compareTo)
                .orElseThrow(() -> new AssertionError("no events of " + aggregateIdentifiers));
    }

    /** When the first event of the given aggregates was stored. */
    public Instant firstStoredAt(List<String> aggregateIdentifiers) {
        String marks = String.join(", ", Collections.nCopies(aggregateIdentifiers.size(), "?"));
        return jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier IN (" + marks
                        + ")", String.class, aggregateIdentifiers.toArray()).stream()
                .map(Instant::parse).min(Instant::compareTo)
                .orElseThrow(() -> new AssertionError("no events of " + aggregateIdentifiers));
    }
}

package com.mrmentor.platform.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * An aggregate's state at a past instant, rebuilt from its events by the aggregate's own event-sourcing handlers —
 * the code that rebuilds it for every command — from the events stored up to that instant. Implemented where the
 * aggregates are known (the runtime module).
 */
public interface AggregateStates {

    /** The aggregate types (simple class names, as the event table records them) whose state can be rebuilt. */
    SortedSet<String> types();

    /** The state of aggregate {@code id} of {@code type} as of {@code asOf}; empty if it had no event by then. */
    Optional<AggregateState> stateOf(String type, String id, Instant asOf);

    /**
     * @param type           the aggregate's type
     * @param id             its identifier
     * @param asOf           the instant asked for
     * @param version        the sequence number of the last event applied
     * @param eventsApplied  how many events were applied
     * @param lastEventAt    the timestamp of the last event applied
     * @param state          the aggregate's fields after those events
     */
    record AggregateState(String type, String id, Instant asOf, long version, long eventsApplied, Instant lastEventAt,
                          JsonNode state) {
    }
}

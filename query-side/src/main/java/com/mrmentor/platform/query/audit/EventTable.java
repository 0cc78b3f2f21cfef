package com.mrmentor.platform.query.audit;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the PostgreSQL event table ({@code domain_event_entry}) is the event store. The audit readers, the wallet and
 * account histories and the finance reconciliations read it with SQL (positions, stored bytes, one pass over a type);
 * under the {@code axonserver} profile Axon Server stores the events and that table stays empty, so those readers
 * refuse with {@code 503 needs-jdbc-event-store} instead of answering "no events" (docs/operations.md, ADR 0013).
 */
@Component
public class EventTable {

    private final boolean readable;

    /** Axon's rule: Axon Server is the event store when its connector and event store are on (both are by default). */
    public EventTable(Environment environment) {
        this.readable = !(environment.getProperty("axon.axonserver.enabled", Boolean.class, true)
                && environment.getProperty("axon.axonserver.event-store.enabled", Boolean.class, true));
    }

    /** Whether the events are in {@code domain_event_entry}. */
    public boolean readable() {
        return readable;
    }

    /** Refuses {@code feature} when the events are not in the PostgreSQL table. */
    public void require(String feature) {
        if (!readable) {
            throw new RuleViolation("needs-jdbc-event-store", RuleViolation.Kind.UNAVAILABLE, feature
                    + " reads the PostgreSQL event table, and this deployment stores its events in Axon Server"
                    + " (profile axonserver): not available here; use a deployment on the PostgreSQL event store");
        }
    }
}

package com.mrmentor.platform.runtime.messaging;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a command is retried for: lost append races only, also when Axon reports them as plain failures. */
class ConcurrencyRetrySchedulerTest {

    private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(
            org.axonframework.commandhandling.gateway.IntervalRetryScheduler.builder()
                    .retryExecutor(Executors.newSingleThreadScheduledExecutor()).maxRetryCount(3).retryInterval(1));

    @Test
    void aLostAppendRaceIsRetried() {
        assertThat(scheduler.isExplicitlyNonTransient(new ConcurrencyException("seq taken"))).isFalse();
    }

    @Test
    void aBatchedDuplicateOfTheEventTablesAggregateSequenceIsRetried() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 1 INSERT INTO domain_event_entry", "23505",
                0, new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"domain_event_entry_aggregate_sequence_uk\"", "23505"));
        EventStoreException reported = new EventStoreException("An event for aggregate [payment-order:1] at sequence "
                + "[1] was already inserted", new RuntimeException("flush failed", batch));

        assertThat(scheduler.isExplicitlyNonTransient(reported)).isFalse();
    }

    @Test
    void otherDuplicatesAndRuleViolationsAreNotRetried() {
        SQLException claim = new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"booking_slot_claim_pk\"", "23505");

        assertThat(scheduler.isExplicitlyNonTransient(new EventStoreException("failed", claim))).isTrue();
        assertThat(scheduler.isExplicitlyNonTransient(new IllegalStateException("insufficient tokens"))).isTrue();
    }
}

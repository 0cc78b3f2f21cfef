package com.mrmentor.platform.runtime.messaging;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Retries a command only when it lost an append race: two nodes wrote the same aggregate at once and the unique
 * (aggregate, sequence) constraint refused the second. Axon's own scheduler would also retry rule violations
 * ("insufficient tokens"), which must reach the client at once. When a unit of work appends to several aggregates
 * in one JDBC batch (a capture: order, wallet, voucher, series, document), Axon may not recognise the batch's
 * duplicate key as such and reports a plain {@code EventStoreException}; the violated constraint is then read off
 * the SQL error itself.
 */
class ConcurrencyRetryScheduler extends IntervalRetryScheduler {

    ConcurrencyRetryScheduler(Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // AggregateStreamCreationException: two nodes created the same wallet at once
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return false;
            }
            if (cause instanceof SQLException sql && lostAppendRace(sql)) {
                return false;
            }
        }
        return true;
    }

    /** A unique violation of (aggregate, sequence) in the event table, here or in a batch's next exceptions. */
    private static boolean lostAppendRace(SQLException failure) {
        for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            if ("23505".equals(sql.getSQLState()) && message.contains("domain_event_entry_aggregate_sequence_uk")) {
                return true;
            }
        }
        return false;
    }
}

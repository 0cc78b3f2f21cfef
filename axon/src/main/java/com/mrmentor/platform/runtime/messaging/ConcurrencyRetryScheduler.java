package com.mrmentor.platform.runtime.messaging;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost an append race: two nodes wrote the same aggregate at once and the unique
 * (aggregate, sequence) constraint refused the second. Axon's own scheduler would also retry rule violations
 * ("insufficient tokens"), which must reach the client at once.
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
        }
        return true;
    }
}

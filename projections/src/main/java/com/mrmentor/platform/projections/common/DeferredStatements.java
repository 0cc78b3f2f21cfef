package com.mrmentor.platform.projections.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Write statements of a projection sent in JDBC batches when the event processor's transaction commits, instead of
 * one round trip per event. A processor's batch is one transaction (up to its batch size, 200 for the ledger), so a
 * replay or a burst sends a few batches instead of hundreds of statements: the statement per event was a quarter of
 * the ledger's replay time (docs/performance.md).
 *
 * <p>Statements keep their order: consecutive statements with the same SQL go in one batch, in the order they were
 * given. Outside a transaction a statement runs at once. A statement that fails at commit fails the whole batch;
 * the processor then retries it with a savepoint per event ({@code SavepointPerEvent}), which {@link #flush() flushes}
 * each event's statements inside its savepoint — as it flushes JPA — so the failing event is the one parked.
 *
 * <p>Only for statements whose effect nothing in the same batch reads back: a deferred insert is not visible to a
 * query made before the commit.
 */
@Component
public class DeferredStatements {

    private final JdbcTemplate jdbc;

    public DeferredStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code sql} with {@code args} at this transaction's commit (at once outside one). */
    public void update(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.update(sql, args);
            return;
        }
        Pending pending = pending();
        if (pending.sent) {
            throw new IllegalStateException("the transaction's deferred statements were already sent at its commit; "
                    + "a statement given after that would never run: " + sql);
        }
        pending.add(new Statement(sql, args));
    }

    /** Sends what this transaction has deferred so far, now; if that fails, the statements are dropped. */
    public void flush() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.send(jdbc);
        }
    }

    /**
     * Drops what this transaction has deferred since the last flush: the work of a handler that failed, rolled back to
     * its savepoint, must not be sent at the commit.
     */
    public void discard() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.statements.clear();
        }
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new Flush(this, pending));
        }
        return pending;
    }

    private record Statement(String sql, Object[] args) {
    }

    private static final class Pending {
        private final List<Statement> statements = new ArrayList<>();
        /** Set once the commit has sent them: nothing may be added after. */
        private boolean sent;

        void add(Statement statement) {
            statements.add(statement);
        }

        void send(JdbcTemplate jdbc) {
            List<Statement> sending = List.copyOf(statements);
            statements.clear(); // sent or failed, they are not sent again
            int from = 0;
            while (from < sending.size()) {
                Statement first = sending.get(from);
                int to = from;
                List<Object[]> rows = new ArrayList<>();
                while (to < sending.size() && sending.get(to).sql().equals(first.sql())) {
                    rows.add(sending.get(to).args());
                    to++;
                }
                if (rows.size() == 1) {
                    jdbc.update(first.sql(), first.args());
                } else {
                    jdbc.batchUpdate(first.sql(), rows);
                }
                from = to;
            }
        }
    }

    private record Flush(DeferredStatements owner, Pending pending) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            pending.send(owner.jdbc);
            pending.sent = true;
        }

        /** A transaction started inside this one (REQUIRES_NEW) gets its own statements, on its own connection. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(owner, pending);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
    }
}

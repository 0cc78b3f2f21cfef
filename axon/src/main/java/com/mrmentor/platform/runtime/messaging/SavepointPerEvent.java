package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.projections.common.DeferredStatements;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each event handler of a dead-lettering group in a savepoint of the batch's transaction, so that a handler
 * whose SQL fails can be parked. On PostgreSQL a failed statement aborts the whole transaction: without the savepoint
 * Axon's enqueue of the dead letter (same transaction) fails too, the batch rolls back and the processor retries it
 * forever, holding back every aggregate of the group. With it, the failed handler's work is rolled back to the
 * savepoint, the letter is written, and the batch goes on. JPA changes and {@link DeferredStatements} are flushed
 * inside the savepoint, so a projection's constraint failure surfaces there too (and the session is cleared of the
 * failed entities).
 *
 * <p>A savepoint costs two round trips and a flush per event and group, and defeats JDBC batching: about half of a
 * replay's time and much of the projections' share of a command's cost (docs/performance.md). So the read models
 * listed in {@code platform.dead-letters.savepoint-after-failure} run without savepoints until one of their batches
 * fails: a batch in which a handler threw is refused at its commit (its partial writes must not be committed), any
 * batch of the group that does not commit puts the group in careful mode for
 * {@code platform.dead-letters.careful-for} on this node, and the processor's retry of the batch — careful now —
 * parks the failing event as before. The window is short: in careful mode a batch of N events opens N
 * subtransactions, and more than 64 in one transaction slow every other session's snapshots. A failure therefore
 * costs one extra attempt of its batch on each node that meets it (Axon retries after a second); event handling
 * stays at-least-once, as it always is. Groups with side effects beyond their tables keep a savepoint
 * per event.
 */
@Component
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final Set<String> groups;
    private final Set<String> savepointAfterFailure;
    private final long carefulForNanos;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final DeferredStatements deferredStatements;
    /** Per group, until when (System.nanoTime) every event gets a savepoint, after a failed batch. */
    private final Map<String, Long> carefulUntil = new ConcurrentHashMap<>();

    public SavepointPerEvent(@Value("${platform.dead-letters.groups}") List<String> groups,
                             @Value("${platform.dead-letters.savepoint-after-failure:}")
                             List<String> savepointAfterFailure,
                             @Value("${platform.dead-letters.careful-for:PT1M}") Duration carefulFor,
                             DataSource dataSource, EntityManagerFactory entityManagerFactory,
                             DeferredStatements deferredStatements) {
        this.groups = Set.copyOf(groups);
        this.savepointAfterFailure = Set.copyOf(savepointAfterFailure);
        this.carefulForNanos = carefulFor.toNanos();
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.deferredStatements = deferredStatements;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || original.annotationAttributes(SagaEventHandler.class).isPresent()) {
            return original;
        }
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(),
                ProcessingGroup.class);
        if (group == null || !groups.contains(group.value())) {
            return original;
        }
        String name = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return handleIn(name, () -> super.handle(message, target));
            }
        };
    }

    /** Whether the group's events get a savepoint each now (always, or for a while after a failed batch). */
    boolean careful(String group) {
        if (!savepointAfterFailure.contains(group)) {
            return true;
        }
        Long until = carefulUntil.get(group);
        return until != null && System.nanoTime() - until < 0;
    }

    private void beCareful(String group) {
        carefulUntil.put(group, System.nanoTime() + carefulForNanos);
    }

    private Object handleIn(String group, Handling handling) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handling.run();
        }
        Batch batch = batchOf(group);
        if (batch.careful()) {
            return inSavepoint(handling);
        }
        try {
            return handling.run();
        } catch (Exception | Error failure) {
            beCareful(group);
            // the dead-letter queue takes the event in this transaction, but the handler's partial writes must not
            // be committed: the batch is made to roll back before it commits, and is retried carefully
            batch.failed().set(true);
            throw failure;
        }
    }

    /** How this transaction handles the group's events: decided at its first event, and kept for the whole batch. */
    private record Batch(boolean careful, AtomicBoolean failed) {
    }

    /**
     * The batch state of the group in this transaction, made at its first event. Careful or not is decided once: if
     * the careful window opened in the middle of a batch (another segment's batch failed), a savepoint taken then
     * would flush the earlier events' deferred statements and JPA changes inside it, so that their failure would be
     * blamed on, and rolled back with, the wrong event. A batch that started without savepoints stays without; if it
     * fails, it is retried carefully.
     *
     * <p>Also once per transaction: a batch that does not commit (at flush, at commit, anywhere) means care, and a
     * batch in which a handler failed is refused at its commit, whatever the transaction manager. Parked events being
     * retried ({@code DeadLetteringEventHandlerInvoker.process}, one transaction per sequence) always get a savepoint
     * each: a letter that still fails then stays parked and the retry reports it, instead of the whole retry being
     * refused at commit.
     */
    private Batch batchOf(String group) {
        String key = SavepointPerEvent.class.getName() + ":" + group;
        Batch bound = (Batch) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        Batch batch = new Batch(careful(group) || retryingParkedEvents(), new AtomicBoolean());
        TransactionSynchronizationManager.bindResource(key, batch);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, batch);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (batch.failed().get()) {
                    throw new IllegalStateException("a handler of processing group " + group + " failed in this "
                            + "batch: the batch is rolled back and retried with a savepoint per event");
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                if (status != STATUS_COMMITTED) {
                    beCareful(group);
                }
            }
        });
        return batch;
    }

    /** Axon marks the unit of work of a parked event being retried with the letter. */
    private static boolean retryingParkedEvents() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    private interface Handling {
        Object run() throws Exception;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handling.run();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = connection.setSavepoint();
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        try {
            Object result = handling.run();
            // what the handler left for the commit is written here, so that its failure is this event's
            deferredStatements.flush();
            if (entityManager != null) {
                entityManager.flush();
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception | Error failure) {
            connection.rollback(savepoint);
            deferredStatements.discard();
            if (entityManager != null) {
                entityManager.clear();
            }
            throw failure;
        }
    }
}

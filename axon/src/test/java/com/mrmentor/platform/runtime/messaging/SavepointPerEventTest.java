package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.projections.common.DeferredStatements;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When a read-model group's events get a savepoint each: decided once per batch (transaction), and always for parked
 * events being retried. Transactions are simulated with Spring's synchronization on the test's threads; the
 * connection and entity manager are mocks, so that the savepoints taken can be counted.
 */
class SavepointPerEventTest {

    private static final String GROUP = "probe-read-model";

    @ProcessingGroup(GROUP)
    static class ProbeProjection {
    }

    private final DataSource dataSource = mock(DataSource.class);
    private final Connection connection = mock(Connection.class);
    private final SavepointPerEvent savepoints = new SavepointPerEvent(List.of(GROUP), List.of(GROUP),
            Duration.ofMinutes(1), dataSource, entityManagers(), mock(DeferredStatements.class));

    @BeforeEach
    void connection() throws Exception {
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.setSavepoint()).thenReturn(mock(Savepoint.class));
    }

    @AfterEach
    void noTransactionLeftOnThisThread() {
        endTransaction();
    }

    @Test
    void aBatchThatStartedWithoutSavepointsStaysWithoutWhenTheCarefulWindowOpensDuringIt() throws Exception {
        MessageHandlingMember<ProbeProjection> handler = savepoints.wrapHandler(member(false));
        beginTransaction();
        handler.handle(event(), new ProbeProjection());

        // another segment's batch fails meanwhile: the group turns careful on this node
        CompletableFuture.runAsync(() -> {
            beginTransaction();
            try {
                assertThatThrownBy(() -> savepoints.wrapHandler(member(true)).handle(event(), new ProbeProjection()))
                        .hasMessage("refused");
            } finally {
                endTransaction();
            }
        }).get();
        assertThat(savepoints.careful(GROUP)).isTrue();

        handler.handle(event(), new ProbeProjection());
        verify(connection, never()).setSavepoint();
        endTransaction();

        // the next batch is careful from its first event
        beginTransaction();
        handler.handle(event(), new ProbeProjection());
        handler.handle(event(), new ProbeProjection());
        verify(connection, times(2)).setSavepoint();
    }

    @Test
    void parkedEventsBeingRetriedGetASavepointEachEvenWhenTheGroupIsNotCareful() throws Exception {
        assertThat(savepoints.careful(GROUP)).isFalse();
        MessageHandlingMember<ProbeProjection> handler = savepoints.wrapHandler(member(false));
        beginTransaction();
        UnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(event());
        try {
            retry.resources().put(DeadLetter.class.getName(), mock(DeadLetter.class));
            handler.handle(event(), new ProbeProjection());
        } finally {
            retry.rollback();
        }
        verify(connection, times(1)).setSavepoint();
    }

    private static void beginTransaction() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    /** Ends the simulated transaction as a rollback would, without committing anything. */
    private static void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(
                    org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK));
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.getResourceMap().keySet()
                .forEach(TransactionSynchronizationManager::unbindResourceIfPossible);
    }

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage("probe");
    }

    @SuppressWarnings("unchecked")
    private static MessageHandlingMember<ProbeProjection> member(boolean fails) {
        MessageHandlingMember<ProbeProjection> member = mock(MessageHandlingMember.class);
        when(member.canHandleMessageType(EventMessage.class)).thenReturn(true);
        when(member.annotationAttributes(SagaEventHandler.class)).thenReturn(Optional.empty());
        when(member.declaringClass()).thenReturn((Class) ProbeProjection.class);
        try {
            if (fails) {
                when(member.handle(any(), any())).thenThrow(new IllegalStateException("refused"));
            }
        } catch (Exception impossible) {
            throw new AssertionError(impossible);
        }
        return member;
    }

    private static EntityManagerFactory entityManagers() {
        EntityManagerFactory factory = mock(EntityManagerFactory.class);
        when(factory.createEntityManager()).thenReturn(mock(EntityManager.class));
        return factory;
    }
}

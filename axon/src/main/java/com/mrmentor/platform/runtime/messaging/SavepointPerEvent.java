package com.mrmentor.platform.runtime.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import java.util.Set;

/**
 * Runs each event handler of a dead-lettering group in a savepoint of the batch's transaction, so that a handler
 * whose SQL fails can be parked. On PostgreSQL a failed statement aborts the whole transaction: without the savepoint
 * Axon's enqueue of the dead letter (same transaction) fails too, the batch rolls back and the processor retries it
 * forever, holding back every aggregate of the group. With it, the failed handler's work is rolled back to the
 * savepoint, the letter is written, and the batch goes on. JPA changes are flushed inside the savepoint, so a JPA
 * projection's constraint failure surfaces there too (and the session is cleared of the failed entities).
 */
@Component
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final Set<String> groups;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    public SavepointPerEvent(@Value("${platform.dead-letters.groups}") List<String> groups, DataSource dataSource,
                             EntityManagerFactory entityManagerFactory) {
        this.groups = Set.copyOf(groups);
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
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
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return inSavepoint(() -> super.handle(message, target));
            }
        };
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
            if (entityManager != null) {
                entityManager.flush();
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception | Error failure) {
            connection.rollback(savepoint);
            if (entityManager != null) {
                entityManager.clear();
            }
            throw failure;
        }
    }
}

package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.shared.common.MetadataKeys;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** How messages carry their context, and what happens when an event handler fails. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfig {

    /** The one clock the platform reads time from; tests and aggregates receive it by injection. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Copies the request context of a message to everything handling it causes (events applied, commands a saga
     * sends) and records the handled message's id as their causation id. Replaces Axon's default origin provider,
     * whose {@code correlationId} would be a message id rather than the client's request id.
     */
    @Bean
    public CorrelationDataProvider requestContextCorrelation() {
        SimpleCorrelationDataProvider requestContext = new SimpleCorrelationDataProvider(MetadataKeys.USER_ID,
                MetadataKeys.ROLES, MetadataKeys.PLATFORM, MetadataKeys.CORRELATION_ID, MetadataKeys.REQUEST_ID,
                MetadataKeys.CLIENT_IP, MetadataKeys.IDEMPOTENCY_KEY);
        return message -> {
            Map<String, Object> correlation = new HashMap<>(requestContext.correlationDataFor(message));
            if (MetadataKeys.SYSTEM_ACTOR.equals(correlation.get(MetadataKeys.USER_ID))) {
                // A deadline acts for the platform: keep the chain (correlation, platform), not the person's
                // roles, address or key from the request that once scheduled it.
                correlation.put(MetadataKeys.ROLES, MetadataKeys.SYSTEM_ACTOR);
                correlation.remove(MetadataKeys.CLIENT_IP);
                correlation.remove(MetadataKeys.IDEMPOTENCY_KEY);
            }
            correlation.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
            return correlation;
        };
    }

    /** Commands that lose an append race to another node are retried a few times before the client hears of it. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retryExecutor = Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                });
        IntervalRetryScheduler.Builder retry = IntervalRetryScheduler.builder()
                .retryExecutor(retryExecutor)
                .maxRetryCount(3)
                .retryInterval(25);
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retry))
                .build();
    }

    /**
     * Takes snapshots on a thread of its own. Done by the committing thread (Axon's default), the snapshot needs a
     * second database connection while that thread still holds the aggregate's lock; when the pool is busy with
     * requests queued on that very lock, nothing moves (seen with 50 concurrent holds on one wallet).
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "aggregate-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /**
     * A failing projection must not skip the event and leave a silent gap (Axon's default logs and moves on): the
     * error propagates, so the processor retries the batch, or parks the event in the dead-letter queue where one
     * is enabled for the group.
     */
    @Bean
    public ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}

package com.mrmentor.platform.runtime.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mrmentor.platform.query.audit.AggregateStates;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds an aggregate as it was at an instant: the prefix of its stream stored up to that instant is read from the
 * event store (upcasters applied, no snapshot) and applied by the aggregate's own event-sourcing handlers, through
 * the aggregate factory and handler model Axon uses for commands. The aggregate never sees a unit of work or an event
 * bus: nothing it does here can be published. Its fields are then shown as JSON.
 */
@Component
class EventSourcedAggregateStates implements AggregateStates {

    /** Shows an aggregate's fields (aggregates have no getters, and must not be given any for this). */
    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .findAndAddModules()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Configuration axon;
    private final EventStore eventStore;
    private volatile Map<String, AggregateConfiguration<?>> byType;

    EventSourcedAggregateStates(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    @Override
    public SortedSet<String> types() {
        return new TreeSet<>(aggregates().keySet());
    }

    @Override
    public Optional<AggregateState> stateOf(String type, String id, Instant asOf) {
        AggregateConfiguration<?> aggregate = aggregates().get(type);
        return aggregate == null ? Optional.empty() : rebuild(aggregate, type, id, asOf);
    }

    private <A> Optional<AggregateState> rebuild(AggregateConfiguration<A> configuration, String type, String id,
                                                 Instant asOf) {
        AtomicLong applied = new AtomicLong();
        AtomicReference<DomainEventMessage<?>> last = new AtomicReference<>();
        DomainEventStream upToInstant = DomainEventStream.of(eventStore.readEvents(id, 0).asStream()
                .takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                .peek(event -> {
                    applied.incrementAndGet();
                    last.set(event);
                }));
        if (!upToInstant.hasNext() || !type.equals(upToInstant.peek().getType())) {
            return Optional.empty();
        }
        Class<A> aggregateType = configuration.aggregateType();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType,
                axon.parameterResolverFactory(), axon.handlerDefinition(aggregateType));
        A root = configuration.aggregateFactory().createAggregateRoot(id, upToInstant.peek());
        EventSourcedAggregate<A> aggregate = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(upToInstant);
        DomainEventMessage<?> lastApplied = last.get();
        return Optional.of(new AggregateState(type, id, asOf, lastApplied.getSequenceNumber(), applied.get(),
                lastApplied.getTimestamp(), FIELDS.valueToTree(aggregate.getAggregateRoot())));
    }

    private Map<String, AggregateConfiguration<?>> aggregates() {
        Map<String, AggregateConfiguration<?>> known = byType;
        if (known == null) {
            Map<String, AggregateConfiguration<?>> found = new TreeMap<>();
            axon.findModules(AggregateConfiguration.class)
                    .forEach(module -> found.put(module.aggregateType().getSimpleName(), module));
            known = Map.copyOf(found);
            byType = known;
        }
        return known;
    }
}

package com.mrmentor.platform.command.common;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class FreshAggregateCacheTest {

    static class Counter {
        @AggregateIdentifier
        String id = "counter-1";
    }

    private final EventStore store = mock(EventStore.class);
    private final FreshAggregateCache cache = new FreshAggregateCache(() -> store, 2);

    private static AggregateCacheEntry<Counter> entryAtVersion(long version) {
        EventSourcedAggregate<Counter> aggregate = EventSourcedAggregate.initialize(new Counter(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class), null,
                NoSnapshotTriggerDefinition.INSTANCE.prepareTrigger(Counter.class));
        aggregate.initSequence(version);
        return new AggregateCacheEntry<>(aggregate);
    }

    @Test
    void anEntryAtTheStoresLastSequenceNumberIsUsed() {
        AggregateCacheEntry<Counter> entry = entryAtVersion(7);
        cache.put("counter-1", entry);
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(7L));

        assertThat((Object) cache.get("counter-1")).isSameAs(entry);
    }

    @Test
    void anEntryAnotherNodeMovedPastIsDroppedAndTheAggregateLoadedAnew() {
        cache.put("counter-1", entryAtVersion(7));
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.of(8L));

        assertThat((Object) cache.get("counter-1")).isNull();
        assertThat(cache.containsKey("counter-1")).isFalse();
    }

    @Test
    void anEntryForAStreamTheStoreDoesNotHaveIsNotUsed() {
        cache.put("counter-1", entryAtVersion(0));
        when(store.lastSequenceNumberFor("counter-1")).thenReturn(Optional.empty());

        assertThat((Object) cache.get("counter-1")).isNull();
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesFirstBeyondCapacity() {
        Map<String, Long> versions = new HashMap<>(Map.of("a", 1L, "b", 2L, "c", 3L));
        versions.forEach((id, version) -> when(store.lastSequenceNumberFor(id)).thenReturn(Optional.of(version)));
        cache.put("a", entryAtVersion(1));
        cache.put("b", entryAtVersion(2));
        cache.get("a"); // a is now more recently used than b
        cache.put("c", entryAtVersion(3));

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }
}

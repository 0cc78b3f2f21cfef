package com.mrmentor.platform.runtime.audit;

import com.mrmentor.platform.query.audit.AggregatePayloads;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** Reads an aggregate's payloads through the event store (upcasters, decryption), for audit histories. */
@Component
class EventStorePayloads implements AggregatePayloads {

    private final EventStore eventStore;

    EventStorePayloads(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Map<String, Object> payloadsOf(String aggregateId, long firstSequence, int count) {
        Map<String, Object> payloads = new HashMap<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, firstSequence);
        while (stream.hasNext() && payloads.size() < count) {
            DomainEventMessage<?> event = stream.next();
            payloads.put(event.getIdentifier(), event.getPayload());
        }
        return payloads;
    }
}

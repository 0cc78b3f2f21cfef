package com.mrmentor.platform.query.audit;

import java.util.Map;

/**
 * The payloads of an aggregate's events as the platform reads them: through the event store, so upcasters apply and
 * personal fields are decrypted (or read {@code [erased]}). Implemented in the runtime module: the read side itself
 * never uses the event store's API.
 */
public interface AggregatePayloads {

    /** The payloads of up to {@code count} events of {@code aggregateId} from {@code firstSequence} on, by event id. */
    Map<String, Object> payloadsOf(String aggregateId, long firstSequence, int count);
}

package com.mrmentor.platform.command.common;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caches of the aggregates that take most commands (the benchmark's hot paths, docs/performance.md): a wallet is
 * loaded for every hold, capture and grant, a booking for each step of its life, the assignment desk for every lead,
 * and a lead right after its capture, when {@code crm-arrivals} assigns it (an import makes tens of thousands: the
 * cache turns a snapshot query, an events query and the decryption of the capture into one index lookup, as long
 * as assignment keeps within {@code platform.crm.lead-cache-capacity} (65,536) leads of the capture: a whole 50,000-row
 * import, about 40 MB at most; with 16,384 the assignments that lagged the import missed and ran at a third of the
 * rate).
 * Each is a {@link FreshAggregateCache}, checked against the event store on every load, holding at most
 * {@code platform.aggregate-cache.capacity} aggregates per type (a wallet of a busy student is a few kilobytes).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaches {

    public static final String TOKEN_WALLETS = "tokenWalletCache";
    public static final String BOOKINGS = "bookingCache";
    public static final String ASSIGNMENT_DESK = "assignmentDeskCache";
    public static final String LEADS = "leadCache";
    /** Aggregates kept per type; leads have their own, larger capacity (an import's leads are assigned moments later). */
    private static final String CAPACITY = "${platform.aggregate-cache.capacity:4096}";

    @Bean(TOKEN_WALLETS)
    Cache tokenWalletCache(ObjectProvider<EventStore> eventStore, @Value(CAPACITY) int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }

    @Bean(BOOKINGS)
    Cache bookingCache(ObjectProvider<EventStore> eventStore, @Value(CAPACITY) int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }

    @Bean(LEADS)
    Cache leadCache(ObjectProvider<EventStore> eventStore,
                    @Value("${platform.crm.lead-cache-capacity:65536}") int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }

    @Bean(ASSIGNMENT_DESK)
    Cache assignmentDeskCache(ObjectProvider<EventStore> eventStore, @Value(CAPACITY) int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }
}

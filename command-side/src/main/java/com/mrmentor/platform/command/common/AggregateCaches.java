package com.mrmentor.platform.command.common;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caches of the aggregates that take most commands (the benchmark's hot paths, docs/performance.md): a wallet is
 * loaded for every hold, capture and grant, a booking for each step of its life, the assignment desk for every lead.
 * Each is a {@link FreshAggregateCache}, checked against the event store on every load, holding at most
 * {@code platform.aggregate-cache.capacity} aggregates per type (a wallet of a busy student is a few kilobytes).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaches {

    public static final String TOKEN_WALLETS = "tokenWalletCache";
    public static final String BOOKINGS = "bookingCache";
    public static final String ASSIGNMENT_DESK = "assignmentDeskCache";

    @Bean(TOKEN_WALLETS)
    Cache tokenWalletCache(ObjectProvider<EventStore> eventStore,
                          @Value("${platform.aggregate-cache.capacity:4096}") int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }

    @Bean(BOOKINGS)
    Cache bookingCache(ObjectProvider<EventStore> eventStore,
                          @Value("${platform.aggregate-cache.capacity:4096}") int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }

    @Bean(ASSIGNMENT_DESK)
    Cache assignmentDeskCache(ObjectProvider<EventStore> eventStore,
                          @Value("${platform.aggregate-cache.capacity:4096}") int capacity) {
        return new FreshAggregateCache(eventStore::getObject, capacity);
    }
}

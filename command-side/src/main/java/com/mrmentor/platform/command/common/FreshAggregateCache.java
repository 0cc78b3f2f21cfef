package com.mrmentor.platform.command.common;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An aggregate cache that stays right when several nodes append to one event store. Before a cached aggregate is
 * used, the store's last sequence number for it is read (one index lookup, instead of a snapshot and up to a
 * snapshot-interval of events deserialized and applied); an entry another node has moved past is dropped and the
 * aggregate is loaded from its snapshot and events as without a cache. Without the check a node would keep deciding
 * on a stale aggregate: appends would still be refused by the store's unique (aggregate, sequence) constraint, but a
 * refusal that appends nothing (say {@code insufficient-tokens} right after another node credited the wallet) would
 * be answered from old state for as long as the entry lived.
 *
 * <p>At most {@code capacity} aggregates stay, least recently used out first (weak references were tried: every young
 * collection emptied the cache, and under load that is every second or two). Axon's caching repository drops an entry
 * when its unit of work rolls back, so an aggregate changed by a failed command is never reused.
 */
public final class FreshAggregateCache implements Cache {

    /** {@link AggregateCacheEntry} keeps the cached aggregate's version to itself. */
    private static final Field VERSION = versionField();

    private final Map<Object, Object> entries;
    private final Supplier<EventStore> eventStoreLookup;
    /** Looked up on first use (the event store is made after the repositories that use this cache). */
    private volatile EventStore eventStore;

    public FreshAggregateCache(Supplier<EventStore> eventStore, int capacity) {
        this.eventStoreLookup = eventStore;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        });
    }

    private EventStore eventStore() {
        EventStore store = eventStore;
        if (store == null) {
            store = eventStoreLookup.get();
            eventStore = store;
        }
        return store;
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException changedAxon) {
            throw new IllegalStateException("AggregateCacheEntry has no version field (Axon upgraded?); the aggregate "
                    + "cache cannot check entries against the event store", changedAxon);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    private boolean isCurrent(Object key, AggregateCacheEntry<?> entry) {
        Long cachedVersion;
        try {
            cachedVersion = (Long) VERSION.get(entry);
        } catch (IllegalAccessException unreadable) {
            return false;
        }
        Optional<Long> stored = eventStore().lastSequenceNumberFor(key.toString());
        return stored.isPresent() && Objects.equals(stored.get(), cachedVersion);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nobody listens to these caches; Axon's repositories do not register listeners. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("FreshAggregateCache has no entry listeners");
    }
}

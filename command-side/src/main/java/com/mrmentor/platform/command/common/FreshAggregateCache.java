package com.mrmentor.platform.command.common;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
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
 * <p>Entries are weakly referenced ({@link WeakReferenceCache}): the heap decides how many stay, so a small heap
 * (the benchmark runs the server in 512 MiB) costs cache hits, never memory. Axon's caching repository drops an entry
 * when its unit of work rolls back, so an aggregate changed by a failed command is never reused.
 */
public final class FreshAggregateCache implements Cache {

    /** {@link AggregateCacheEntry} keeps the cached aggregate's version to itself. */
    private static final Field VERSION = versionField();

    private final Cache entries = new WeakReferenceCache();
    private final Supplier<EventStore> eventStore;

    public FreshAggregateCache(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
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
    public <K, V> V get(K key) {
        V value = entries.get(key);
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
        Optional<Long> stored = eventStore.get().lastSequenceNumberFor(key.toString());
        return stored.isPresent() && Objects.equals(stored.get(), cachedVersion);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }
}

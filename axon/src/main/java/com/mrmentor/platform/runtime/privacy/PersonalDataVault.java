package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.command.identity.PersonalDataKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One random AES-256 key per person, kept in {@code personal_data_key} outside the event store, wrapped (AES-GCM) with
 * a key derived from the master key and bound to the person's id. Erasing a person drops their key and leaves a
 * tombstone, so that no key is ever made for them again.
 *
 * <p>Keys are created on first use, each in a transaction of its own: a failed insert would abort the caller's
 * PostgreSQL transaction. When two nodes create a person's key at once, the second insert fails on the primary key
 * and that node takes the first one's key.
 *
 * <p>Unwrapped keys are cached in memory for {@link PersonalDataProperties#keyCacheTtl()}. An erasure takes effect at
 * once on the node that made it; <b>another node may go on using a cached key until its entry expires</b>, i.e. for
 * up to the TTL. What such a node seals in that window becomes unreadable with the rest once its entry expires.
 */
@Component
public class PersonalDataVault implements PersonalDataKeys {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** First byte of a wrapped key: how it was wrapped (room for a master-key rotation). */
    private static final byte WRAP_FORMAT = 1;
    private static final int MAX_CACHED_KEYS = 10_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate ownTransaction;
    private final SecretKey wrappingKey;
    private final Clock clock;
    private final long cacheTtlNanos;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<UUID, CachedKey> cache = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PersonalDataVault(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      PersonalDataMasterKey personalDataMasterKey, PersonalDataProperties properties, Clock clock) {
        this(jdbc, transactionManager, personalDataMasterKey, properties.keyCacheTtl(), clock, System::nanoTime);
    }

    PersonalDataVault(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      PersonalDataMasterKey masterKey, Duration cacheTtl, Clock clock, LongSupplier ticker) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.wrappingKey = new SecretKeySpec(masterKey.derive(PersonalDataMasterKey.KEY_WRAPPING), "AES");
        this.clock = clock;
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.ticker = ticker;
    }

    /**
     * {@code subject}'s key, created if they have none yet; empty once they were erased (no new key is made then).
     */
    public Optional<SecretKey> keyFor(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        KeyState state = cached(subject);
        if (state == null) {
            state = load(subject);
            if (state == null) {
                state = create(subject);
            }
            remember(subject, state);
        }
        return state.key();
    }

    /**
     * Makes the keys of {@code subjects} that have none, all in one transaction of its own (a batch of new leads: one
     * commit instead of one per person), and caches them with the existing ones, read in one query. Should another
     * node make one of these keys meanwhile, the batch insert fails and each key is made (or taken) one by one.
     */
    @Override
    public void prepare(Collection<UUID> subjects) {
        List<UUID> unknown = subjects.stream().filter(Objects::nonNull).distinct()
                .filter(subject -> cached(subject) == null).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<UUID, KeyState> stored = new HashMap<>();
        for (int from = 0; from < unknown.size(); from += 1000) {
            named.query("SELECT subject_id, wrapped_key FROM personal_data_key WHERE subject_id IN (:subjects)",
                    new MapSqlParameterSource("subjects", unknown.subList(from, Math.min(unknown.size(), from + 1000))),
                    rs -> {
                        UUID subject = rs.getObject(1, UUID.class);
                        byte[] wrapped = rs.getBytes(2);
                        stored.put(subject, wrapped == null ? KeyState.ERASED : KeyState.of(unwrap(subject, wrapped)));
                    });
        }
        stored.forEach(this::remember);
        List<UUID> missing = unknown.stream().filter(subject -> !stored.containsKey(subject)).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(missing.size());
        Map<UUID, KeyState> made = new HashMap<>();
        OffsetDateTime at = now();
        for (UUID subject : missing) {
            byte[] raw = new byte[KEY_BYTES];
            random.nextBytes(raw);
            rows.add(new Object[]{subject, wrap(subject, raw), at});
            made.put(subject, KeyState.of(new SecretKeySpec(raw, "AES")));
            Arrays.fill(raw, (byte) 0);
        }
        try {
            ownTransaction.executeWithoutResult(tx -> jdbc.batchUpdate("INSERT INTO personal_data_key "
                    + "(subject_id, wrapped_key, created_at) VALUES (?, ?, ?)", rows));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            missing.forEach(this::keyFor);
            return;
        }
        made.forEach(this::remember);
    }

    /**
     * {@code subject}'s key for reading what was sealed with it; empty once they were erased. Never creates a key.
     *
     * @throws UnreadablePersonalDataException if the subject never had a key here (the key store does not belong to
     *                                         this event store)
     */
    public Optional<SecretKey> existingKey(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        KeyState state = cached(subject);
        if (state == null) {
            state = load(subject);
            if (state == null) {
                throw new UnreadablePersonalDataException("No personal-data key was ever made for subject " + subject
                        + ": personal_data_key does not belong to this event store (lost, or restored from another "
                        + "backup)");
            }
            remember(subject, state);
        }
        return state.key();
    }

    /**
     * Destroys {@code subject}'s key in a transaction of its own, committed when this returns (an erasure is not rolled
     * back with the caller: call it once every check has passed). Erasing twice, or someone who never had a key, is
     * fine: a tombstone is left, so that later personal data about them is stored as erased.
     */
    @Override
    public void erase(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        OffsetDateTime at = now();
        Integer updated = ownTransaction.execute(tx -> markErased(subject, at));
        if (updated == null || updated == 0) {
            try {
                ownTransaction.executeWithoutResult(tx -> jdbc.update("INSERT INTO personal_data_key "
                        + "(subject_id, wrapped_key, created_at, erased_at) VALUES (?, NULL, ?, ?)", subject, at, at));
            } catch (DuplicateKeyException keyMadeMeanwhile) {
                ownTransaction.execute(tx -> markErased(subject, at));
            }
        }
        cache.put(subject, new CachedKey(KeyState.ERASED, ticker.getAsLong() + cacheTtlNanos));
    }

    private int markErased(UUID subject, OffsetDateTime at) {
        return jdbc.update("UPDATE personal_data_key SET wrapped_key = NULL, erased_at = COALESCE(erased_at, ?) "
                + "WHERE subject_id = ?", at, subject);
    }

    private KeyState create(UUID subject) {
        byte[] raw = new byte[KEY_BYTES];
        random.nextBytes(raw);
        try {
            byte[] wrapped = wrap(subject, raw);
            ownTransaction.executeWithoutResult(tx -> jdbc.update("INSERT INTO personal_data_key "
                    + "(subject_id, wrapped_key, created_at) VALUES (?, ?, ?)", subject, wrapped, now()));
            return KeyState.of(new SecretKeySpec(raw, "AES"));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            KeyState winner = ownTransaction.execute(tx -> load(subject));
            if (winner == null) {
                throw new IllegalStateException("The personal-data key of " + subject
                        + " was created concurrently but cannot be read back");
            }
            return winner;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The stored state, or null if the subject has no row. */
    private KeyState load(UUID subject) {
        return jdbc.query("SELECT wrapped_key, erased_at FROM personal_data_key WHERE subject_id = ?",
                (ResultSetExtractor<KeyState>) rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    byte[] wrapped = rs.getBytes(1);
                    return wrapped == null ? KeyState.ERASED : KeyState.of(unwrap(subject, wrapped));
                }, subject);
    }

    private byte[] wrap(UUID subject, byte[] raw) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, wrappingKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(PersonalDataCipher.bytesOf(subject));
            byte[] sealed = cipher.doFinal(raw);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(WRAP_FORMAT).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private SecretKey unwrap(UUID subject, byte[] wrapped) {
        if (wrapped.length < 1 + IV_BYTES + TAG_BITS / 8 || wrapped[0] != WRAP_FORMAT) {
            throw new UnreadablePersonalDataException("The stored personal-data key of " + subject
                    + " is not in a known format");
        }
        byte[] raw = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, wrappingKey, new GCMParameterSpec(TAG_BITS, wrapped, 1, IV_BYTES));
            cipher.updateAAD(PersonalDataCipher.bytesOf(subject));
            raw = cipher.doFinal(wrapped, 1 + IV_BYTES, wrapped.length - 1 - IV_BYTES);
            return new SecretKeySpec(raw, "AES");
        } catch (javax.crypto.AEADBadTagException wrongKeyOrAltered) {
            throw new UnreadablePersonalDataException("The stored personal-data key of " + subject
                    + " does not open with the configured master key: was PII_MASTER_KEY changed, or the row altered?",
                    wrongKeyOrAltered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private KeyState cached(UUID subject) {
        CachedKey entry = cache.get(subject);
        if (entry == null) {
            return null;
        }
        if (entry.expiredAt(ticker.getAsLong())) {
            cache.remove(subject, entry);
            return null;
        }
        return entry.state();
    }

    /**
     * Caches what was read, unless an erasure made on this node meanwhile is cached: a read that started before the
     * erasure must not bring the key back.
     */
    private void remember(UUID subject, KeyState state) {
        long now = ticker.getAsLong();
        if (cache.size() >= MAX_CACHED_KEYS) {
            cache.values().removeIf(entry -> entry.expiredAt(now));
            if (cache.size() >= MAX_CACHED_KEYS) {
                cache.clear();
            }
        }
        cache.merge(subject, new CachedKey(state, now + cacheTtlNanos),
                (old, fresh) -> old.state().erased() && !old.expiredAt(now) ? old : fresh);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A person's key, or none once erased. */
    private record KeyState(SecretKey secretKey) {

        static final KeyState ERASED = new KeyState(null);

        static KeyState of(SecretKey key) {
            return new KeyState(key);
        }

        boolean erased() {
            return secretKey == null;
        }

        Optional<SecretKey> key() {
            return Optional.ofNullable(secretKey);
        }
    }

    private record CachedKey(KeyState state, long expiresAt) {

        boolean expiredAt(long now) {
            return now - expiresAt >= 0;
        }
    }
}

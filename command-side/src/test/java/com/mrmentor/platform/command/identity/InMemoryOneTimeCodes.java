package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.CodePurpose;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link OneTimeCodes} in a map keyed by user and purpose. For tests a code's "hash" is {@code "hash:" + code}. */
final class InMemoryOneTimeCodes implements OneTimeCodes {

    record Key(UUID userId, CodePurpose purpose) {
    }

    final Map<Key, String> hashes = new HashMap<>();
    final Set<UUID> forgotten = new HashSet<>();

    static String hash(String code) {
        return "hash:" + code;
    }

    String stored(UUID userId, CodePurpose purpose) {
        return hashes.get(new Key(userId, purpose));
    }

    @Override
    public void store(UUID userId, CodePurpose purpose, String codeHash) {
        hashes.put(new Key(userId, purpose), codeHash);
    }

    @Override
    public boolean matches(UUID userId, CodePurpose purpose, String code) {
        String stored = hashes.get(new Key(userId, purpose));
        return stored != null && code != null && stored.equals(hash(code));
    }

    @Override
    public void discard(UUID userId, CodePurpose purpose) {
        hashes.remove(new Key(userId, purpose));
    }

    @Override
    public void forget(UUID userId) {
        forgotten.add(userId);
        hashes.keySet().removeIf(key -> key.userId().equals(userId));
    }
}

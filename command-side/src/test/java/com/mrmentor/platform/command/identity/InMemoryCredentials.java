package com.mrmentor.platform.command.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** {@link Credentials} in maps. For tests a password's "hash" is {@code "hash:" + password}. */
final class InMemoryCredentials implements Credentials {

    final Map<UUID, String> passwordHashes = new HashMap<>();
    final Map<UUID, String> pendingTotpSecrets = new HashMap<>();
    final Map<UUID, String> totpSecrets = new HashMap<>();
    final Map<UUID, Long> lastTotpSteps = new HashMap<>();
    final Set<UUID> forgotten = new HashSet<>();

    static String hash(String rawPassword) {
        return "hash:" + rawPassword;
    }

    @Override
    public void setPassword(UUID userId, String passwordHash) {
        passwordHashes.put(userId, passwordHash);
    }

    @Override
    public boolean passwordMatches(UUID userId, String rawPassword) {
        String stored = passwordHashes.get(userId);
        return stored != null && stored.equals(hash(rawPassword));
    }

    @Override
    public void setPendingTotpSecret(UUID userId, String base32Secret) {
        pendingTotpSecrets.put(userId, base32Secret);
    }

    @Override
    public boolean activatePendingTotpSecret(UUID userId) {
        String pending = pendingTotpSecrets.remove(userId);
        if (pending == null) {
            return false;
        }
        totpSecrets.put(userId, pending);
        return true;
    }

    @Override
    public String pendingTotpSecret(UUID userId) {
        return pendingTotpSecrets.get(userId);
    }

    @Override
    public String totpSecret(UUID userId) {
        return totpSecrets.get(userId);
    }

    @Override
    public boolean useTotpStep(UUID userId, long step) {
        Long last = lastTotpSteps.get(userId);
        if (last != null && step <= last) {
            return false;
        }
        lastTotpSteps.put(userId, step);
        return true;
    }

    @Override
    public OptionalLong lastTotpStep(UUID userId) {
        Long last = lastTotpSteps.get(userId);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    @Override
    public void forget(UUID userId) {
        forgotten.add(userId);
        passwordHashes.remove(userId);
        pendingTotpSecrets.remove(userId);
        totpSecrets.remove(userId);
        lastTotpSteps.remove(userId);
    }
}

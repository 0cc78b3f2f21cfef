package com.mrmentor.platform.command.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link OpaqueTokens} that records what was stored, in order. */
final class RecordingOpaqueTokens implements OpaqueTokens {

    record Stored(String tokenHash, Kind kind, UUID subjectId, int generation, Instant expiresAt) {
    }

    final List<Stored> stored = new ArrayList<>();

    @Override
    public void store(String tokenHash, Kind kind, UUID subjectId, int generation, Instant expiresAt) {
        stored.add(new Stored(tokenHash, kind, subjectId, generation, expiresAt));
    }

    @Override
    public Optional<Holder> find(String tokenHash, Kind kind) {
        return stored.stream()
                .filter(s -> s.tokenHash().equals(tokenHash) && s.kind() == kind)
                .reduce((first, second) -> second)
                .map(s -> new Holder(s.kind(), s.subjectId(), s.generation(), s.expiresAt()));
    }
}

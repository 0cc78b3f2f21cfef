package com.mrmentor.platform.command.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Hashes of bearer secrets handed to clients: refresh tokens (per session and generation) and invitation tokens. A
 * presented token is found by its SHA-256 hash; the token itself is never stored.
 */
public interface OpaqueTokens {

    /** What a token is. */
    enum Kind { REFRESH, INVITATION }

    /** The owner of a stored token: the session (with the token's generation) or the invitation. */
    record Holder(Kind kind, UUID subjectId, int generation, Instant expiresAt) {
    }

    void store(String tokenHash, Kind kind, UUID subjectId, int generation, Instant expiresAt);

    Optional<Holder> find(String tokenHash, Kind kind);
}

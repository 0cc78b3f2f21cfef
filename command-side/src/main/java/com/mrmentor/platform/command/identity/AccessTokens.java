package com.mrmentor.platform.command.identity;

import java.util.UUID;

/** Mints the short-lived access tokens (JWT) of a session. */
public interface AccessTokens {

    /**
     * An access token for {@code userId} in {@code sessionId}, carrying the account's roles as they are now.
     *
     * @throws com.mrmentor.platform.shared.common.RuleViolation (401) if the account may not act (deactivated,
     *                                                           erased, unverified)
     */
    IssuedAccessToken issue(UUID userId, UUID sessionId);

    /** A signed token and its lifetime in seconds. */
    record IssuedAccessToken(String token, long expiresInSeconds) {
    }
}

package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The account's password changed. Neither password nor hash is in the event.
 *
 * @param keptSessionId the session that made the change (it stays signed in; all others are revoked), or null
 */
@Revision("1")
public record PasswordChanged(UUID userId, PasswordChangeMethod method, UUID keptSessionId, Instant at)
        implements AccountEvent {
}

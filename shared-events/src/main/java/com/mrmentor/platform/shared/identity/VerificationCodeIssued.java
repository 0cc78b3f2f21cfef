package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A one-time code was e-mailed. The code itself is never in an event; only its hash is kept, outside the store. */
@Revision("1")
public record VerificationCodeIssued(UUID userId, CodePurpose purpose, Instant issuedAt, Instant expiresAt)
        implements AccountEvent {
}

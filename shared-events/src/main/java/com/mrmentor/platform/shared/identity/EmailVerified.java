package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The account's e-mail address is proven; the account moves to {@link AccountStage#VERIFIED} and may sign in. */
@Revision("1")
public record EmailVerified(UUID userId, VerificationMethod method, Instant verifiedAt) implements AccountEvent {
}

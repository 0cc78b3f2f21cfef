package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A wrong one-time code was presented. After the allowed number of failures the code is {@code exhausted} and a new
 * one must be requested.
 */
@Revision("1")
public record VerificationCodeFailed(UUID userId, CodePurpose purpose, int failedAttempts, boolean exhausted)
        implements AccountEvent {
}

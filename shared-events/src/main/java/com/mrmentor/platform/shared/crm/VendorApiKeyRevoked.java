package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The key was revoked; requests with it get 401. */
@Revision("1")
public record VendorApiKeyRevoked(UUID keyId, String reason, UUID revokedBy, Instant revokedAt) {
}

package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The key's secret was replaced; the previous one no longer authenticates. */
@Revision("1")
public record VendorApiKeyRotated(UUID keyId, String prefix, UUID rotatedBy, Instant rotatedAt) {
}

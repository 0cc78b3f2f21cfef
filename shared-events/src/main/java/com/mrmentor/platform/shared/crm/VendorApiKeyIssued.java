package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A vendor got an API key with these scopes and its own rate limit; the key itself is in no event. */
@Revision("1")
public record VendorApiKeyIssued(UUID keyId, String vendor, List<String> scopes, int ratePerMinute, String prefix,
                                 UUID issuedBy, Instant issuedAt) {
}

package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.IssueVendorApiKey;
import com.mrmentor.platform.shared.crm.RevokeVendorApiKey;
import com.mrmentor.platform.shared.crm.RotateVendorApiKey;
import com.mrmentor.platform.shared.crm.VendorApiKeyIssued;
import com.mrmentor.platform.shared.crm.VendorApiKeyRevoked;
import com.mrmentor.platform.shared.crm.VendorApiKeyRotated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A vendor's API key: issued with scopes ({@code leads:write}, {@code leads:read}) and a rate limit per minute,
 * rotated (the old secret stops at once) and revoked for good. Events never hold the key or its hash; the hash goes
 * to {@link VendorKeyStore} in the same transaction.
 */
@Aggregate
public class VendorApiKey {

    public static final Set<String> SCOPES = Set.of("leads:write", "leads:read");

    @AggregateIdentifier
    private String id;
    private UUID keyId;
    private boolean revoked;

    protected VendorApiKey() {
    }

    @CommandHandler
    public VendorApiKey(IssueVendorApiKey command, VendorKeyStore store, Clock clock) {
        if (Lead.isBlank(command.vendor())) {
            throw CrmRules.missing("vendor");
        }
        if (command.scopes() == null || command.scopes().isEmpty() || !SCOPES.containsAll(command.scopes())) {
            throw CrmRules.invalid("scopes", "must be some of leads:write, leads:read");
        }
        if (command.ratePerMinute() < 1 || command.ratePerMinute() > 10_000) {
            throw CrmRules.invalid("rate-per-minute", "must be 1 to 10000");
        }
        Instant now = clock.instant();
        List<String> scopes = command.scopes().stream().distinct().sorted().toList();
        apply(new VendorApiKeyIssued(command.keyId(), command.vendor().trim(), scopes, command.ratePerMinute(),
                command.prefix(), command.issuedBy(), now));
        store.issued(command.keyId(), command.vendor().trim(), scopes, command.ratePerMinute(), command.prefix(),
                command.secretHash(), now);
    }

    @CommandHandler
    public void handle(RotateVendorApiKey command, VendorKeyStore store, Clock clock) {
        requireActive();
        Instant now = clock.instant();
        apply(new VendorApiKeyRotated(keyId, command.prefix(), command.rotatedBy(), now));
        store.rotated(keyId, command.prefix(), command.secretHash(), now);
    }

    @CommandHandler
    public void handle(RevokeVendorApiKey command, VendorKeyStore store, Clock clock) {
        requireActive();
        Instant now = clock.instant();
        apply(new VendorApiKeyRevoked(keyId, Lead.trimmedOrNull(command.reason()), command.revokedBy(), now));
        store.revoked(keyId, now);
    }

    private void requireActive() {
        if (revoked) {
            throw new com.mrmentor.platform.shared.common.RuleViolation("vendor-key-revoked",
                    com.mrmentor.platform.shared.common.RuleViolation.Kind.CONFLICT, "The key is revoked");
        }
    }

    @EventSourcingHandler
    void on(VendorApiKeyIssued event) {
        id = CrmIds.vendorKey(event.keyId());
        keyId = event.keyId();
    }

    @EventSourcingHandler
    void on(VendorApiKeyRevoked event) {
        revoked = true;
    }
}

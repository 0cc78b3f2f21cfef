package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** End a session early. Revoking a revoked session changes nothing. */
public record RevokeSession(UUID sessionId, SessionRevocationReason reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.session(sessionId);
    }
}

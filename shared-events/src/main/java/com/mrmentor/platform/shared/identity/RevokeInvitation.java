package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Withdraw an unused invitation. */
public record RevokeInvitation(UUID invitationId, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.invitation(invitationId);
    }
}

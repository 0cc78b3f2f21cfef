package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The signed-in owner sets a new password, proving the current one. Other sessions are revoked. */
public record ChangePassword(UUID userId, String currentPassword, String newPasswordHash, UUID sessionId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "ChangePassword[userId=" + userId + ", currentPassword=***, newPasswordHash=***, sessionId="
                + sessionId + "]";
    }
}

package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** Set a new password with an e-mailed reset code. Answers a {@link CodeOutcome}; revokes every session when accepted. */
public record ResetPassword(UUID userId, String code, String newPasswordHash) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "ResetPassword[userId=" + userId + ", code=***, newPasswordHash=***]";
    }
}

package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** Create an account. {@code passwordHash} (BCrypt, or null) goes to the credential store, never into an event; {@code verifiedBy} non-null registers an already-proven address (Google, invitation, configuration). */
public record RegisterAccount(UUID userId, String email, String name, String emailIndex, Set<Role> roles, Set<Platform> platforms, RegistrationMethod method, String passwordHash, VerificationMethod verifiedBy) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "RegisterAccount[userId=" + userId + ", email=***, name=***, emailIndex=" + emailIndex + ", roles="
                + roles + ", platforms=" + platforms + ", method=" + method + ", passwordHash=***, verifiedBy="
                + verifiedBy + "]";
    }
}

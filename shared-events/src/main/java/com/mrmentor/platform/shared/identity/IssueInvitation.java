package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** Invite {@code email} with {@code role}; the invitation token's hash is stored outside the event store. */
public record IssueInvitation(UUID invitationId, UUID userId, String email, String emailIndex, Role role, Set<Platform> platforms, UUID invitedBy, String tokenHash) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.invitation(invitationId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "IssueInvitation[invitationId=" + invitationId + ", userId=" + userId + ", email=***, emailIndex="
                + emailIndex + ", role=" + role + ", platforms=" + platforms + ", invitedBy=" + invitedBy
                + ", tokenHash=***]";
    }
}

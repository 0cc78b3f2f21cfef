package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Accept an invitation: the e-mail must be the invited one; creates the account with the invited role. */
public record AcceptInvitation(UUID invitationId, String email, String emailIndex, String name, String passwordHash) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.invitation(invitationId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "AcceptInvitation[invitationId=" + invitationId + ", email=***, emailIndex=" + emailIndex
                + ", name=***, passwordHash=***]";
    }
}
